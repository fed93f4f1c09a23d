package dev.woes.database;

import java.nio.file.Path;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Picks the database: {@code WOES_DATABASE_URL} (with {@code WOES_DATABASE_USER} and
 * {@code WOES_DATABASE_PASSWORD}) when set, otherwise the embedded PostgreSQL under
 * {@code WOES_DATA_DIR}. Flyway migrates whichever it is at start. Command-line runs join
 * the embedded PostgreSQL of a running server rather than fail on its lock.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

	@Bean(destroyMethod = "close")
	DatabaseServer databaseServer(@Value("${woes.database.url:}") String url,
			@Value("${woes.database.user:}") String user, @Value("${woes.database.password:}") String password,
			@Value("${woes.data-dir:./data}") Path dataDirectory,
			@Value("${woes.database.join-running:false}") boolean joinRunning) {
		if (!url.isBlank()) {
			return new DatabaseServer.External(url, user, password);
		}
		return joinRunning ? EmbeddedDatabase.startOrJoin(dataDirectory) : EmbeddedDatabase.start(dataDirectory);
	}

	@Bean
	@ConfigurationProperties("spring.datasource.hikari")
	HikariDataSource dataSource(DatabaseServer server) {
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setJdbcUrl(server.jdbcUrl());
		dataSource.setUsername(server.username());
		dataSource.setPassword(server.password());
		return dataSource;
	}

}
