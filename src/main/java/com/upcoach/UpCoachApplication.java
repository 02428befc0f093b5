package com.upcoach;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class UpCoachApplication {

	public static void main(String[] args) {
		SpringApplication.run(UpCoachApplication.class, args);
	}

}
