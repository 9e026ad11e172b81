"""The township's side in the window: the village's 导出上报数据包 and 导出上报公钥."""
