#!/bin/bash
cd /work/wt/h15s
for round in 1 2 3; do
  for f in rep ent; do
    for fmt in csv json; do
      JINCHANG_HELPERS=0 /usr/bin/time -f "$f $fmt round$round wall=%e user=%U sys=%S rss=%MkB" node bin/jinchang-carbon.js calc bench/data/h15s-1m-$f.csv -f $fmt > .scratch/out-$f-$fmt.txt 2> .scratch/err-$f-$fmt.txt
      tail -1 .scratch/err-$f-$fmt.txt >> .scratch/measure.log
      echo "  stderr lines: $(($(wc -l < .scratch/err-$f-$fmt.txt) - 1)), stdout bytes: $(wc -c < .scratch/out-$f-$fmt.txt), load: $(cut -d' ' -f1 /proc/loadavg)" >> .scratch/measure.log
    done
  done
done
echo done >> .scratch/measure.log
