package com.upcoach.journal;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import com.upcoach.Http;
import com.upcoach.IntegrationTest;
import com.upcoach.identity.AccountFixtures;
import com.upcoach.identity.AccountManagement;
import com.upcoach.journal.domain.JournalEntryRepository;
import com.upcoach.platform.storage.FileStorage;
import com.upcoach.shared.Role;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Voice entries over HTTP: uploads judged by their bytes, size limits, storage under
 * unguessable keys, range requests, replacement and deletion, and the offline
 * transcription default.
 */
@IntegrationTest
class JournalAudioIT {

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accounts;

	@Autowired
	JournalEntryRepository entries;

	@Autowired
	FileStorage storage;

	Http http;

	BinaryHttp binary;

	String token;

	@BeforeEach
	void setUp() {
		this.http = new Http(this.port);
		this.binary = new BinaryHttp(this.port);
		this.token = signIn();
	}

	@Test
	void shouldStoreAWavRecordingAndSayThatNoTranscriptionServiceIsConfigured() {
		String id = voiceEntry();
		byte[] wav = AudioSamples.wav(4000);
		BinaryHttp.Response uploaded = upload(id, "memo.wav", "audio/wav", wav);
		assertThat(uploaded.status()).isEqualTo(200);
		assertThat(uploaded.header("ETag")).isEqualTo("\"1\"");
		assertThat(uploaded.json().at("/data/kind").asString()).isEqualTo("voice");
		assertThat(uploaded.json().at("/data/audio/contentType").asString()).isEqualTo("audio/wav");
		assertThat(uploaded.json().at("/data/audio/sizeBytes").asLong()).isEqualTo(wav.length);
		assertThat(uploaded.json().at("/data/transcriptStatus").asString()).isEqualTo("pending");
		assertThat(uploaded.header("X-RateLimit-Limit")).as("counted as an upload (test profile: 10000/1h)")
			.isEqualTo("10000");
		Awaitility.await().atMost(10, TimeUnit.SECONDS).untilAsserted(() -> {
			Http.Response entry = this.http.get("/api/v1/journal-entries/" + id).bearer(this.token).execute();
			assertThat(entry.json().at("/data/transcriptStatus").asString()).isEqualTo("unavailable");
			assertThat(entry.json().at("/data/transcriptMessage").asString())
				.isEqualTo("No transcription service is configured");
			assertThat(entry.json().at("/data/transcript").isNull()).isTrue();
			assertThat(entry.json().at("/data/emotion").isNull()).isTrue();
		});
		BinaryHttp.Response audio = this.binary.get(audioPath(id), this.token);
		assertThat(audio.status()).isEqualTo(200);
		assertThat(audio.header("Content-Type")).isEqualTo("audio/wav");
		assertThat(audio.header("Accept-Ranges")).isEqualTo("bytes");
		assertThat(audio.bytes()).isEqualTo(wav);
	}

	@Test
	void shouldKeepRecordingsUnderKeysNobodyCanGuess() {
		String first = voiceEntry();
		String second = voiceEntry();
		upload(first, "a.wav", "audio/wav", AudioSamples.wav(10));
		upload(second, "a.wav", "audio/wav", AudioSamples.wav(10));
		String key = audioKey(first);
		assertThat(key).matches("journal/[0-9a-f-]{36}/[0-9a-f]{32}").doesNotContain(first).doesNotContain("a.wav");
		assertThat(audioKey(second)).isNotEqualTo(key);
	}

	@Test
	void shouldAcceptEachRecordingFormatWhateverItIsCalled() {
		Object[][] formats = { { AudioSamples.ogg(), "audio/ogg" }, { AudioSamples.webm(), "audio/webm" },
				{ AudioSamples.mp3(), "audio/mpeg" }, { AudioSamples.m4a(), "audio/mp4" } };
		for (Object[] format : formats) {
			String id = voiceEntry();
			// Declared as something else entirely: the bytes decide.
			BinaryHttp.Response uploaded = upload(id, "recording.bin", "application/octet-stream", (byte[]) format[0]);
			assertThat(uploaded.status()).as(format[1].toString()).isEqualTo(200);
			assertThat(uploaded.json().at("/data/audio/contentType").asString()).isEqualTo(format[1]);
			assertThat(this.binary.get(audioPath(id), this.token).header("Content-Type")).isEqualTo(format[1]);
		}
	}

	@Test
	void shouldRefuseImagesAndTextDressedUpAsRecordingsWith415() {
		String id = voiceEntry();
		for (byte[] impostor : new byte[][] { AudioSamples.png(), AudioSamples.text(), AudioSamples.matroska() }) {
			BinaryHttp.Response refused = upload(id, "voice.webm", "audio/webm", impostor);
			assertThat(refused.status()).isEqualTo(415);
			assertThat(refused.errorCode()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
		}
		Http.Response entry = this.http.get("/api/v1/journal-entries/" + id).bearer(this.token).execute();
		assertThat(entry.json().at("/data/audio").isNull()).isTrue();
		assertThat(entry.header("ETag")).as("nothing changed").isEqualTo("\"0\"");
		assertThat(this.binary.get(audioPath(id), this.token).status()).isEqualTo(404);
	}

	@Test
	void shouldRefuseARecordingOverTheSizeLimitWith413() {
		String id = voiceEntry();
		byte[] tooLarge = Arrays.copyOf(AudioSamples.wav(100), 20 * 1024 * 1024 + 1);
		BinaryHttp.Response refused = upload(id, "long.wav", "audio/wav", tooLarge);
		assertThat(refused.status()).isEqualTo(413);
		assertThat(refused.errorCode()).isEqualTo("PAYLOAD_TOO_LARGE");
		byte[] justFits = Arrays.copyOf(AudioSamples.wav(100), 20 * 1024 * 1024);
		assertThat(upload(id, "long.wav", "audio/wav", justFits).status()).isEqualTo(200);
	}

	@Test
	void shouldServeByteRangesOfARecording() {
		String id = voiceEntry();
		byte[] wav = AudioSamples.wav(1000);
		upload(id, "memo.wav", "audio/wav", wav);
		BinaryHttp.Response first = this.binary.get(audioPath(id), this.token, "Range", "bytes=0-3");
		assertThat(first.status()).isEqualTo(206);
		assertThat(new String(first.bytes())).isEqualTo("RIFF");
		assertThat(first.header("Content-Range")).isEqualTo("bytes 0-3/" + wav.length);
		assertThat(first.header("Content-Type")).isEqualTo("audio/wav");
		BinaryHttp.Response middle = this.binary.get(audioPath(id), this.token, "Range", "bytes=8-11");
		assertThat(new String(middle.bytes())).isEqualTo("WAVE");
		BinaryHttp.Response suffix = this.binary.get(audioPath(id), this.token, "Range", "bytes=-10");
		assertThat(suffix.status()).isEqualTo(206);
		assertThat(suffix.bytes()).isEqualTo(Arrays.copyOfRange(wav, wav.length - 10, wav.length));
		assertThat(suffix.header("Content-Range"))
			.isEqualTo("bytes " + (wav.length - 10) + "-" + (wav.length - 1) + "/" + wav.length);
		BinaryHttp.Response open = this.binary.get(audioPath(id), this.token, "Range", "bytes=2000-");
		assertThat(open.bytes()).isEqualTo(Arrays.copyOfRange(wav, 2000, wav.length));
		BinaryHttp.Response unsatisfiable = this.binary.get(audioPath(id), this.token, "Range",
				"bytes=" + wav.length + "-");
		assertThat(unsatisfiable.status()).isEqualTo(416);
		assertThat(unsatisfiable.header("Content-Range")).isEqualTo("bytes */" + wav.length);
	}

	@Test
	void shouldDeleteTheOldRecordingWhenReplacedAndTheLastOneWithTheEntry() {
		String id = voiceEntry();
		upload(id, "take1.wav", "audio/wav", AudioSamples.wav(10));
		String firstKey = audioKey(id);
		assertThat(this.storage.load(firstKey)).isPresent();
		BinaryHttp.Response replaced = upload(id, "take2.ogg", "audio/ogg", AudioSamples.ogg());
		assertThat(replaced.json().at("/data/audio/contentType").asString()).isEqualTo("audio/ogg");
		String secondKey = audioKey(id);
		assertThat(secondKey).isNotEqualTo(firstKey);
		assertThat(this.storage.load(firstKey)).isEmpty();
		assertThat(this.binary.get(audioPath(id), this.token).bytes()).isEqualTo(AudioSamples.ogg());
		assertThat(this.http.delete("/api/v1/journal-entries/" + id).bearer(this.token).execute().status())
			.isEqualTo(200);
		assertThat(this.storage.load(secondKey)).isEmpty();
		assertThat(this.binary.get(audioPath(id), this.token).status()).isEqualTo(404);
	}

	@Test
	void shouldRefuseAnUploadBasedOnAStaleVersionWith412() {
		String id = voiceEntry();
		upload(id, "a.wav", "audio/wav", AudioSamples.wav(10));
		BinaryHttp.Response stale = this.binary.upload("/api/v1/journal-entries/" + id + "/audio", this.token, "file",
				"b.wav", "audio/wav", AudioSamples.wav(20), "If-Match", "\"0\"");
		assertThat(stale.status()).isEqualTo(412);
	}

	@Test
	void shouldAnswer404ForAnotherUsersRecordingAndRefuseUploadsToTheirEntries() {
		String id = voiceEntry();
		upload(id, "a.wav", "audio/wav", AudioSamples.wav(10));
		String stranger = signIn();
		assertThat(this.binary.get(audioPath(id), stranger).status()).isEqualTo(404);
		assertThat(this.binary.get(audioPath(id), stranger, "Range", "bytes=0-3").status()).isEqualTo(404);
		assertThat(this.binary
			.upload("/api/v1/journal-entries/" + id + "/audio", stranger, "file", "x.wav", "audio/wav",
					AudioSamples.wav(10))
			.status()).isEqualTo(404);
	}

	@Test
	void shouldRefuseAnUploadWithoutAFilePartOrAsJson() {
		String id = voiceEntry();
		BinaryHttp.Response wrongField = this.binary.upload("/api/v1/journal-entries/" + id + "/audio", this.token,
				"audio", "a.wav", "audio/wav", AudioSamples.wav(10));
		assertThat(wrongField.status()).isEqualTo(400);
		assertThat(
				this.http.post("/api/v1/journal-entries/" + id + "/audio", "{}").bearer(this.token).execute().status())
			.isEqualTo(415);
	}

	private String signIn() {
		return this.http.login(AccountFixtures.create(this.accounts, Role.USER).email(), AccountFixtures.PASSWORD);
	}

	private String voiceEntry() {
		Http.Response created = this.http.post("/api/v1/journal-entries", "{\"kind\":\"voice\",\"title\":\"Memo\"}")
			.bearer(this.token)
			.execute();
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().at("/data/id").asString();
	}

	private BinaryHttp.Response upload(String id, String filename, String declaredType, byte[] content) {
		return this.binary.upload("/api/v1/journal-entries/" + id + "/audio", this.token, "file", filename,
				declaredType, content);
	}

	private String audioKey(String id) {
		return this.entries.findById(java.util.UUID.fromString(id)).orElseThrow().getAudioKey();
	}

	private static String audioPath(String id) {
		return "/api/v1/journal-entries/" + id + "/audio";
	}

}
