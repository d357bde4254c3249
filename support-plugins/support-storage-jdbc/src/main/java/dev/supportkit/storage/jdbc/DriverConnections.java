package dev.supportkit.storage.jdbc;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The data source HikariCP pools: the dialect's driver, loaded from this plugin's own class loader
 * (never another copy on the application's class path), given the URL without secrets and the user,
 * password and secret parameters as connection properties. HikariCP and its logs see only this object,
 * whose {@link #toString()} shows the URL and user.
 */
final class DriverConnections implements DataSource {
    private final Driver driver;
    private final String url;
    private final String user;
    private final Properties properties;
    private volatile int loginTimeoutSeconds;

    DriverConnections(JdbcSettings settings) {
        Dialect dialect = settings.url().dialect();
        this.driver = load(dialect.driverClassName());
        this.url = settings.url().url();
        this.user = settings.user().orElse("");
        this.properties = new Properties();
        settings.user().ifPresent(u -> properties.setProperty("user", u));
        settings.password().ifPresent(p -> properties.setProperty("password", p));
        settings.url().secretProps().forEach(properties::setProperty);
        int timeoutMs = settings.connectionTimeoutMs();
        switch (dialect) {
            case POSTGRESQL -> {
                String seconds = Integer.toString(Math.max(1, (timeoutMs + 999) / 1000));
                properties.putIfAbsent("connectTimeout", seconds);
                properties.putIfAbsent("loginTimeout", seconds);
            }
            case MARIADB -> properties.putIfAbsent("connectTimeout", Integer.toString(timeoutMs));
            case H2 -> { }
            default -> throw new IllegalStateException("unknown dialect " + dialect);
        }
    }

    private static Driver load(String className) {
        try {
            return (Driver) Class.forName(className, true, DriverConnections.class.getClassLoader())
                    .getDeclaredConstructor().newInstance();
        } catch (ClassNotFoundException | NoSuchMethodException | InstantiationException | IllegalAccessException
                 | InvocationTargetException e) {
            throw new IllegalStateException("JDBC driver " + className + " cannot be loaded", e);
        }
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection connection = driver.connect(url, properties);
        if (connection == null) {
            throw new SQLException("the driver " + driver.getClass().getName() + " does not accept " + url, "08001");
        }
        return connection;
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("credentials are configured on the provider");
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // no driver log writer
    }

    @Override
    public void setLoginTimeout(int seconds) {
        loginTimeoutSeconds = seconds;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeoutSeconds;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("java.util.logging is not used");
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException("not a wrapper of " + type.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }

    @Override
    public String toString() {
        return "DriverConnections[url=" + url + ", user=" + user + "]";
    }
}
