#!/bin/bash
set -e
cd /work/main
node /tmp/scratch/render.mjs
node /tmp/scratch/print.mjs
rm -rf /tmp/pages && mkdir -p /tmp/pages && pdftoppm -png -r 50 /tmp/scratch/report.pdf /tmp/pages/p
