#!/usr/bin/env bash
# Gradescope runs this once, as root, while it builds the autograder image (Ubuntu): it installs
# JDK 17 and Maven, then builds the grader and compiles the course once so that grading a
# submission starts from a warm Maven repository. KVLAB_AUTOGRADER_ROOT replaces /autograder.
set -euo pipefail
root="${KVLAB_AUTOGRADER_ROOT:-/autograder}"

export DEBIAN_FRONTEND=noninteractive
apt-get update
apt-get install -y --no-install-recommends openjdk-17-jdk-headless maven

cd "$root/source/course"
bash ./kvlab --help >/dev/null
mvn -B -q test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/warm-classpath.txt
