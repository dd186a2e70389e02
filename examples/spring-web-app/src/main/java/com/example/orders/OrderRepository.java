package com.example.orders;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

@Repository
public class OrderRepository {
  private static final RowMapper<Order> ORDER =
      (rs, row) ->
          new Order(
              rs.getLong("id"),
              rs.getString("customer"),
              rs.getString("sku"),
              rs.getInt("quantity"),
              rs.getLong("total_cents"),
              rs.getString("status"));

  private final JdbcTemplate jdbc;

  public OrderRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public long insert(String customer, String sku, int quantity, long totalCents) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.update(
        con -> {
          var ps =
              con.prepareStatement(
                  "insert into orders (customer, sku, quantity, total_cents, status) values (?, ?, ?, ?, 'PLACED')",
                  new String[] {"id"});
          ps.setString(1, customer);
          ps.setString(2, sku);
          ps.setInt(3, quantity);
          ps.setLong(4, totalCents);
          return ps;
        },
        key);
    return key.getKey().longValue();
  }

  public Optional<Order> find(long id) {
    return jdbc.query("select * from orders where id = ?", ORDER, id).stream().findFirst();
  }

  public List<Order> recent(int limit) {
    return jdbc.query("select * from orders order by id desc limit ?", ORDER, limit);
  }

  public int decrementStock(String sku, int quantity) {
    return jdbc.update(
        "update products set stock = stock - ? where sku = ? and stock >= ?",
        quantity,
        sku,
        quantity);
  }

  public Optional<Long> priceCents(String sku) {
    return jdbc
        .queryForList("select price_cents from products where sku = ?", Long.class, sku)
        .stream()
        .findFirst();
  }

  public Map<String, Object> summary() {
    return jdbc.queryForMap(
        "select count(*) as \"orders\", coalesce(sum(quantity), 0) as \"units\", coalesce(sum(total_cents), 0) as \"revenueCents\" from orders");
  }
}
