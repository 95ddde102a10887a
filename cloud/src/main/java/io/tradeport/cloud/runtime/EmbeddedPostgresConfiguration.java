package io.tradeport.cloud.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * The embedded default's application store: a real PostgreSQL whose data directory lives under
 * {@code tradeport.data-dir}, so data survives restarts. Configuring {@code spring.datasource.url} replaces it.
 */
@Configuration(proxyBeanMethods = false)
@Profile(EmbeddedDefaults.PROFILE)
@ConditionalOnExpression("'${spring.datasource.url:}' == ''")
class EmbeddedPostgresConfiguration {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

	@Bean(destroyMethod = "close")
	EmbeddedPostgres embeddedPostgres(@Value("${tradeport.data-dir:data}") String dataDir,
			@Value("${tradeport.embedded.postgres-port:0}") int port) throws IOException {
		var directory = Path.of(dataDir, "postgres").toAbsolutePath();
		try {
			Files.createDirectories(directory);
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot create the embedded PostgreSQL directory " + directory, e);
		}
		var builder = EmbeddedPostgres.builder().setDataDirectory(directory).setCleanDataDirectory(false);
		if (port > 0) {
			builder.setPort(port);
		}
		var postgres = builder.start();
		log.info("Embedded PostgreSQL on port {} with data in {}", postgres.getPort(), directory);
		return postgres;
	}

	@Bean(destroyMethod = "close")
	DataSource dataSource(EmbeddedPostgres postgres) {
		var dataSource = new HikariDataSource();
		dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
		dataSource.setUsername("postgres");
		dataSource.setMaximumPoolSize(20);
		dataSource.setPoolName("tradeport");
		return dataSource;
	}
}
