#!/bin/bash
# Usage: backprop-spark-module/bench.sh [MASTER] [ROWS] [BATCHES] [PARTITIONS] [ROUNDS] [MODES]
#   e.g. backprop-spark-module/bench.sh 'local[2]' 50000 500,5000,50000 1,2,4
#        backprop-spark-module/bench.sh 'local-cluster[2,1,1024]' 50000 500,5000,50000 1,2,4   (executor JVMs)
# BATCHES may include 'min': one row per partition, so a step's compute is next to nothing (its fixed cost).
# The whole grid of issue 18 with a report file: backprop-spark-module/step-grid.sh.
# Each (batch, P) runs one job per step and barrier stages alternately ROUNDS times (default 2);
# MODES picks the two ways alternated (default jobs,barrier: one job per step against barrier stages with
# the default exchange, sockets between JVMs and allGather in one; gather,sockets: barrier stages forced
# to exchange through allGather against over sockets, the A/B of the share exchange);
# SUMMARY lines give both medians and their ratio. Builds the module, then runs org.backprop.spark.bench.SparkStepBench on the test classpath
# (Spark is a provided dependency) with the JVM flags Spark's launcher would add on JDK 17.
# BENCH_MAIN names another main class of the test classpath to run the same way (gather-bench.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -o -q -B -pl :backprop-spark -am test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test >&2
M=backprop-spark-module
CP="$M/target/test-classes:$M/target/classes:backprop-core/target/classes:$(cat $M/target/bench-classpath.txt)"
# the same list the module's Surefire argLine uses, read from the pom
FLAGS=$(sed -n '/<spark.jvm.flags>/,/<\/spark.jvm.flags>/p' $M/pom.xml | sed 's/<[^>]*>//g' | tr '\n' ' ')
SPARK_HOME="$M/target/spark-home" SPARK_SCALA_VERSION=2.13 SPARK_LOCAL_IP=127.0.0.1 exec java --add-modules jdk.incubator.vector -Xmx8g $FLAGS -cp "$CP" \
    "${BENCH_MAIN:-org.backprop.spark.bench.SparkStepBench}" "$@"
