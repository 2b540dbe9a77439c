#!/bin/bash
# backprop-spark's BackpropClassifier against Spark MLlib's MultilayerPerceptronClassifier, same session, data,
# split, features and hidden layers; writes a Markdown report to backprop-bench/results/.
# Usage: backprop-bench/spark/mllib-comparison.sh [MASTER] [DATA] [HIDDEN] [P] [BATCH] [MLLIB_ITERS] [EPOCHS]
#   DATA: synthetic:ROWS (50 features, 10 classes) or csv:FILE:LABEL, e.g. the attrition table of R's modeldata:
#     Rscript -e 'write.csv(modeldata::attrition, "/tmp/attrition.csv", row.names=FALSE)'
#     backprop-bench/spark/mllib-comparison.sh 'local[2]' csv:/tmp/attrition.csv:Attrition 16 2 128 10,25,50,100 5,10,20,40
#   default: 'local[2]' synthetic:200000 64 2 1024 10,25,50,100 1,2,4,8
set -euo pipefail
cd "$(dirname "$0")/../.."
MASTER=${1:-local[2]}
DATA=${2:-synthetic:200000}
HIDDEN=${3:-64}
P=${4:-2}
BATCH=${5:-1024}
ITERS=${6:-10,25,50,100}
EPOCHS=${7:-1,2,4,8}
M=backprop-spark-module
mvn -o -q -B -pl :backprop-spark -am test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test >&2
CP="$M/target/test-classes:$M/target/classes:backprop-core/target/classes:$(cat $M/target/bench-classpath.txt)"
FLAGS=$(sed -n '/<spark.jvm.flags>/,/<\/spark.jvm.flags>/p' $M/pom.xml | sed 's/<[^>]*>//g' | tr '\n' ' ')
NAME=$(echo "$DATA" | sed 's/^csv:.*\/\([^/:]*\)\.csv:.*/\1/; s/:/-/g')
REPORT=backprop-bench/results/spark-mllib-$NAME-$(date -u +%Y%m%d-%H%M%S).md
SPARK_LOCAL_IP=127.0.0.1 exec java --add-modules jdk.incubator.vector -Xmx6g $FLAGS -cp "$CP" \
    org.backprop.spark.bench.MllibComparison "$MASTER" "$DATA" "$HIDDEN" "$P" "$BATCH" "$ITERS" "$EPOCHS" "$REPORT"
