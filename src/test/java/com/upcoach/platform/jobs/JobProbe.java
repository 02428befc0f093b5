package com.upcoach.platform.jobs;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * A background job target that counts how often each job ran, across every node in this
 * JVM.
 */
@Component
public class JobProbe {

	static final Map<String, Integer> RUNS = new ConcurrentHashMap<>();

	public void run(String id) {
		RUNS.merge(id, 1, Integer::sum);
	}

}
