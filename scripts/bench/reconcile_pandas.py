#!/usr/bin/env python3
"""What an analyst would otherwise do with pandas: read both files, net the BOSS rows per order ref, outer-join with
the platform orders and count amount differences and rows missing on either side. Usage: reconcile_pandas.py DIR"""
import sys
import pandas as pd

d = sys.argv[1]
p = pd.read_csv(f"{d}/platform-orders.csv", dtype=str)
b = pd.read_csv(f"{d}/boss.csv", encoding="gb18030", dtype=str, keep_default_na=False)
p = p.drop_duplicates("order_id")
b = b.drop_duplicates("业务流水号")
p["fen"] = (p["amount"].astype(float) * 100).round().astype("int64")
b["fen"] = b["金额(分)"].astype("int64")
net = b[b["外部订单号"] != ""].groupby("外部订单号", as_index=False)["fen"].sum()
m = p.merge(net, how="outer", left_on="order_id", right_on="外部订单号", suffixes=("_p", "_b"), indicator=True)
both = m[m["_merge"] == "both"]
print("joined", len(both), "amount_diff", int((both["fen_p"] != both["fen_b"]).sum()),
      "platform_only", int((m["_merge"] == "left_only").sum()), "boss_only", int((m["_merge"] == "right_only").sum()))
