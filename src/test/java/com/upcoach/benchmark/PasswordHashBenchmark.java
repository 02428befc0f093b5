package com.upcoach.benchmark;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * What one password verification costs with the parameters we ship (Argon2id, 19 MiB, 2
 * passes, 1 lane) and with the spec's bcrypt at 14 rounds, which imported accounts still
 * use until their next sign-in. The figure is both the server's cost per sign-in and an
 * attacker's per guess on the same CPU. ADR 0006 and docs/benchmarks/identity.md hold the
 * results.
 *
 * <pre>
 * ./mvnw -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) org.openjdk.jmh.Main PasswordHashBenchmark
 * </pre>
 *
 * The parameters are spelled out here, not read from the application's configuration
 * class, because that class is package-private in the identity module; a test in that
 * module pins them to the same values.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class PasswordHashBenchmark {

	private static final String PASSWORD = "correct horse battery staple";

	private final Argon2PasswordEncoder argon2id = new Argon2PasswordEncoder(16, 32, 1, 19_456, 2);

	private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(14);

	private String argon2idHash;

	private String bcryptHash;

	@Setup
	public void hashOnce() {
		this.argon2idHash = this.argon2id.encode(PASSWORD);
		this.bcryptHash = this.bcrypt.encode(PASSWORD);
	}

	@Benchmark
	public boolean argon2idVerify() {
		return this.argon2id.matches(PASSWORD, this.argon2idHash);
	}

	@Benchmark
	public boolean bcrypt14Verify() {
		return this.bcrypt.matches(PASSWORD, this.bcryptHash);
	}

}
