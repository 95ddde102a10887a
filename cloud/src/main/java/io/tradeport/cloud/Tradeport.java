package io.tradeport.cloud;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class Tradeport {

	public static void main(String[] args) {
		SpringApplication.run(Tradeport.class, args);
	}
}
