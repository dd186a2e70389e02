create table if not exists products (
    sku varchar(32) primary key,
    name varchar(100) not null,
    price_cents bigint not null,
    stock int not null
);

create table if not exists orders (
    id bigint auto_increment primary key,
    customer varchar(64) not null,
    sku varchar(32) not null references products (sku),
    quantity int not null,
    total_cents bigint not null,
    status varchar(16) not null,
    created_at timestamp default current_timestamp
);
