#!/usr/bin/env bash
# The backprop-spark command (named .sh because ./backprop-spark is the module's directory):
#   ./backprop-spark.sh train --data FILE --target COLUMN [backprop train's options] [--master URL] [--partitions P]
# trains on Apache Spark embedded in this JVM (--master local[*] by default, or spark://host:7077)
# with no Spark installation: Maven supplies the jars, Spark included (backprop-spark/target/classpath.txt).
# Build it first with: mvn -q -B -DskipTests package
# On a cluster, use spark-submit instead (see README.md, "Training on Apache Spark").
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
classes="$here/backprop-spark/target/classes"
classpath_file="$here/backprop-spark/target/classpath.txt"
if [ ! -d "$classes" ] || [ ! -f "$classpath_file" ]; then
  echo "backprop-spark: $classpath_file not found; build it with: mvn -q -B -DskipTests package" >&2
  exit 5
fi
java_cmd="${JAVA_HOME:+$JAVA_HOME/bin/}java"
# What Spark's own launcher adds on JDK 17+ (org.apache.spark.launcher.JavaModuleOptions).
spark_flags=(-XX:+IgnoreUnrecognizedVMOptions
  --add-opens=java.base/java.lang=ALL-UNNAMED
  --add-opens=java.base/java.lang.invoke=ALL-UNNAMED
  --add-opens=java.base/java.lang.reflect=ALL-UNNAMED
  --add-opens=java.base/java.io=ALL-UNNAMED
  --add-opens=java.base/java.net=ALL-UNNAMED
  --add-opens=java.base/java.nio=ALL-UNNAMED
  --add-opens=java.base/java.util=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED
  --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED
  --add-opens=java.base/sun.nio.cs=ALL-UNNAMED
  --add-opens=java.base/sun.security.action=ALL-UNNAMED
  --add-opens=java.base/sun.util.calendar=ALL-UNNAMED
  --add-opens=java.security.jgss/sun.security.krb5=ALL-UNNAMED
  -Djdk.reflect.useDirectMethodHandle=false
  -Dio.netty.tryReflectionSetAccessible=true)
logging="-Dlog4j2.configurationFile=$here/backprop-spark/launcher-log4j2.properties"
# stdout goes straight through; stderr drops the JDK's incubator notice; pipefail keeps java's exit code.
{ "$java_cmd" "${spark_flags[@]}" "$logging" --add-modules jdk.incubator.vector -XX:+UseParallelGC -Xss4m \
    ${BACKPROP_JAVA_OPTS:-} -cp "$classes:$(cat "$classpath_file")" org.backprop.spark.cli.SparkMain "$@" \
    2>&1 1>&3 3>&- | { grep -v '^WARNING: Using incubator modules' || true; } >&2; } 3>&1
