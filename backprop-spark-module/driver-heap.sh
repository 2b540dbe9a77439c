#!/bin/bash
# Usage: backprop-spark-module/driver-heap.sh ROWS HEAP MASTER [no]
#   e.g. backprop-spark-module/driver-heap.sh 1000000 256m 'local[2]' no     set-up time and job count, 1M rows
#        backprop-spark-module/driver-heap.sh 6000000 256m 'local-cluster[2,1,4096]'   data ~4x the driver heap,
#                                                                     model compared with backprop train's
# Generates a 20-feature CSV, trains one epoch with backprop-spark train in a driver JVM of heap HEAP
# (org.backprop.spark.bench.DriverHeapBench), prints the set-up line, and compares with backprop train.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -pl :backprop-spark -am test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test >&2
M=backprop-spark-module
CP="$M/target/test-classes:$M/target/classes:backprop-core/target/classes:backprop-io/target/classes:backprop-cli/target/classes:$(cat $M/target/bench-classpath.txt)"
FLAGS=$(sed -n '/<spark.jvm.flags>/,/<\/spark.jvm.flags>/p' $M/pom.xml | sed 's/<[^>]*>//g' | tr '\n' ' ')
SPARK_HOME="$PWD/$M/target/spark-home" SPARK_SCALA_VERSION=2.13 SPARK_LOCAL_IP=127.0.0.1 \
    exec java --add-modules jdk.incubator.vector -Xmx8g $FLAGS -Dsurefire.test.class.path="$CP" -cp "$CP" \
    org.backprop.spark.bench.DriverHeapBench "$@"
