#!/bin/bash
cd /work/wt/h15s
nice node bench/generate.mjs 3M bench/data/h15s-3m.csv > /dev/null
{ head -1 bench/data/h15s-3m.csv; printf '2023,1,"E-multi\nline",采矿业,柴油,12,吨,\n'; tail -n +2 bench/data/h15s-3m.csv; } > bench/data/h15s-3m-multiline.csv
rm bench/data/h15s-3m.csv
for env in "" "JINCHANG_HELPERS=0"; do
  env $env /usr/bin/time -f "multiline 3M [$env] wall=%e user=%U sys=%S rss=%MkB" node bin/jinchang-carbon.js calc bench/data/h15s-3m-multiline.csv --totals > .scratch/big-out.txt 2> .scratch/big-err.txt
  tail -1 .scratch/big-err.txt >> .scratch/big.log; echo "  load $(cut -d' ' -f1 /proc/loadavg), stderr lines $(($(wc -l < .scratch/big-err.txt) - 1))" >> .scratch/big.log
done
echo done >> .scratch/big.log
