merge into products (sku, name, price_cents, stock) key (sku) values
    ('kettle', 'Electric kettle', 3499, 1000000),
    ('teapot', 'Cast-iron teapot', 5900, 1000000),
    ('mug', 'Stoneware mug', 1250, 1000000);
