package dev.woes;

import dev.woes.cli.WoesCli;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Starts the Woes server, or runs one administrative command when the arguments name one.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class WoesApplication {

	public static void main(String[] args) {
		if (WoesCli.isCommand(args)) {
			System.exit(WoesCli.run(WoesApplication.class, args));
		}
		SpringApplication.run(WoesApplication.class, args);
	}

}
