package dev.woes.database;

import java.nio.file.Path;
import java.util.Map;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Picks the database: {@code WOES_DATABASE_URL} (with {@code WOES_DATABASE_USER} and
 * {@code WOES_DATABASE_PASSWORD} for the application, and
 * {@code WOES_DATABASE_MIGRATION_USER} and {@code WOES_DATABASE_MIGRATION_PASSWORD} for
 * the migrations, which default to the application's) when set, otherwise the embedded
 * PostgreSQL under {@code WOES_DATA_DIR}. Flyway migrates whichever it is at start, as
 * the owner of the tables; the application's pool connects as a role that owns none and
 * is held to row-level security. Command-line runs join the embedded PostgreSQL of a
 * running server rather than fail on its lock.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

	@Bean(destroyMethod = "close")
	DatabaseServer databaseServer(@Value("${woes.database.url:}") String url,
			@Value("${woes.database.user:}") String user, @Value("${woes.database.password:}") String password,
			@Value("${woes.database.migration-user:}") String migrationUser,
			@Value("${woes.database.migration-password:}") String migrationPassword,
			@Value("${woes.data-dir:./data}") Path dataDirectory,
			@Value("${woes.database.join-running:false}") boolean joinRunning) {
		if (!url.isBlank()) {
			return migrationUser.isBlank() ? new DatabaseServer.External(url, user, password)
					: new DatabaseServer.External(url, user, password, migrationUser, migrationPassword);
		}
		return joinRunning ? EmbeddedDatabase.startOrJoin(dataDirectory) : EmbeddedDatabase.start(dataDirectory);
	}

	@Bean(defaultCandidate = false)
	@ConfigurationProperties("spring.datasource.hikari")
	HikariDataSource connectionPool(DatabaseServer server) {
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setJdbcUrl(server.jdbcUrl());
		dataSource.setUsername(server.username());
		dataSource.setPassword(server.password());
		dataSource.setAutoCommit(true);
		// A statement runs in two forms, with the row-level security settings in front
		// (first in its transaction) and without; the driver's cache of server-prepared
		// statements (256 by default) holds both forms of every query.
		dataSource.addDataSourceProperty("preparedStatementCacheQueries", "1024");
		return dataSource;
	}

	/**
	 * The application's data source: pooled connections carrying the thread's
	 * {@link WorkspaceContext} or {@link SystemAccess} for row-level security.
	 */
	@Bean
	@Primary
	DataSource dataSource(@Qualifier("connectionPool") HikariDataSource connectionPool, ConnectionQueue queue,
			SystemRole systemRole) {
		return new RowSecurityDataSource(connectionPool, queue, systemRole);
	}

	@Bean
	SystemRole systemRole(@Value("${woes.database.system-role:woes_system}") String name) {
		return new SystemRole(name);
	}

	/**
	 * Where threads wait for the pool's connections, in turn: one place per connection,
	 * and the pool's connection timeout.
	 */
	@Bean
	ConnectionQueue connectionQueue(@Qualifier("connectionPool") HikariDataSource connectionPool) {
		return new ConnectionQueue(connectionPool.getMaximumPoolSize(), connectionPool.getConnectionTimeout());
	}

	/**
	 * Flyway connects as the owner of the tables and sees every row (a data migration
	 * must not be narrowed to no workspace); {@code ${appRole}} in a migration names the
	 * role the application connects as.
	 */
	@Bean
	FlywayConfigurationCustomizer migrationsAsOwner(DatabaseServer server, SystemRole systemRole) {
		return (configuration) -> configuration
			.dataSource(server.jdbcUrl(), server.migrationUsername(), server.migrationPassword())
			.initSql("SELECT set_config('woes.system', 'on', false)")
			.placeholders(Map.of("appRole", appRole(server), "appRoleName", appRoleName(server), "systemRole",
					systemRole.identifier(), "systemRoleName", systemRole.literal()));
	}

	/**
	 * The application's role as SQL; {@code CURRENT_USER} when the application and the
	 * migrations share one role (or the URL carries the credentials).
	 */
	static String appRole(DatabaseServer server) {
		return sharesTheMigrationsRole(server) ? "CURRENT_USER" : SystemRole.quote(server.username(), '"');
	}

	/**
	 * The application's role's name as an SQL value.
	 */
	static String appRoleName(DatabaseServer server) {
		return sharesTheMigrationsRole(server) ? "CURRENT_USER" : SystemRole.quote(server.username(), '\'');
	}

	private static boolean sharesTheMigrationsRole(DatabaseServer server) {
		String user = server.username();
		return user == null || user.isBlank() || user.equals(server.migrationUsername());
	}

}
