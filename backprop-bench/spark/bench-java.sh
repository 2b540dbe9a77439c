#!/bin/bash
# Sourced by the scripts beside it (run from the repository root): compiles backprop-spark's test classes
# offline and sets BENCH_JAVA, the java command (Vector API, Spark's --add-opens flags, -Xmx6g, the test
# class path) that runs a class of org.backprop.spark.bench.
M=backprop-spark-module
mvn -o -q -B -pl :backprop-spark -am test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test >&2
CP="$M/target/test-classes:$M/target/classes:backprop-core/target/classes:$(cat $M/target/bench-classpath.txt)"
FLAGS=$(sed -n '/<spark.jvm.flags>/,/<\/spark.jvm.flags>/p' $M/pom.xml | sed 's/<[^>]*>//g' | tr '\n' ' ')
# shellcheck disable=SC2206  # FLAGS is a list of words
BENCH_JAVA=(java --add-modules jdk.incubator.vector -Xmx6g $FLAGS -cp "$CP")
