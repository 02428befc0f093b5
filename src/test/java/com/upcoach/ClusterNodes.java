package com.upcoach;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts several nodes of one cluster in this JVM: separate application contexts on their
 * own ports that share the database, the Redis namespace and the file store.
 */
public final class ClusterNodes implements AutoCloseable {

	private final String cluster = "n" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);

	private final List<ConfigurableApplicationContext> nodes = new ArrayList<>();

	public ConfigurableApplicationContext start(String... properties) {
		List<String> all = new ArrayList<>(
				List.of("server.port=0", "upcoach.test.cluster=" + this.cluster, "upcoach.demo.seed=false"));
		all.addAll(List.of(properties));
		// Command-line arguments, so they override application.yml as a deployment's
		// would.
		ConfigurableApplicationContext node = new SpringApplicationBuilder(UpCoachApplication.class)
			.profiles(new TestStack().resolve(ClusterNodes.class))
			.run(all.stream().map((property) -> "--" + property).toArray(String[]::new));
		this.nodes.add(node);
		return node;
	}

	public static int portOf(ConfigurableApplicationContext node) {
		return ((WebServerApplicationContext) node).getWebServer().getPort();
	}

	@Override
	public void close() {
		this.nodes.forEach(ConfigurableApplicationContext::close);
		TestInfrastructure.dropClusterSchema(this.cluster);
	}

}
