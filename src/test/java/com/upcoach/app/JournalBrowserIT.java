package com.upcoach.app;

import java.util.UUID;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import com.upcoach.Accessibility;
import com.upcoach.Browser;
import com.upcoach.IntegrationTest;
import com.upcoach.identity.AccountManagement;
import com.upcoach.shared.Role;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The journal in Chromium: a written entry, a voice entry recorded with MediaRecorder
 * from the (fake) microphone, played back and shown with its transcript, and refusals.
 */
@IntegrationTest
@ExtendWith(Browser.class)
class JournalBrowserIT {

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accounts;

	@Autowired
	JdbcClient jdbc;

	AppMember member;

	@BeforeEach
	void setUp() {
		this.member = AppMember.create(this.accounts, this.port, Role.USER);
	}

	@Test
	void shouldWriteAnEntryAndRecordPlayBackAndTranscribeAVoiceEntry(Page page) {
		AppPages.signIn(page, this.port, this.member.email());
		page.navigate(url("/app/journal"));
		assertThat(page.getByText("No entries yet.")).isVisible();
		page.getByLabel("What is on your mind?").fill("A calm day.\nWalked by the river.");
		page.getByLabel("Tags, separated by commas (optional)").fill("walk");
		AppPages.button(page, "Save entry").click();
		assertThat(page.locator(".journal-entry .journal-body")).hasText("A calm day.\nWalked by the river.");

		page.getByLabel("Title (optional)").first().fill("Evening thoughts");
		AppPages.button(page, "Start recording").click();
		page.waitForTimeout(1500);
		AppPages.button(page, "Stop").click();
		assertThat(page.locator("[data-record-preview]")).isVisible();
		AppPages.button(page, "Save the recording").click();
		assertThat(page.locator(".journal-entry audio")).hasCount(1);
		Accessibility.assertNoSeriousViolations(page);

		JsonNode voice = this.member.get("/api/v1/journal-entries?kind=voice").execute().json().at("/data/0");
		assertThat(voice.at("/title").asString()).isEqualTo("Evening thoughts");
		assertThat(voice.at("/audio/contentType").asString()).isEqualTo("audio/webm");
		Object played = page.evaluate(
				"""
						async () => {
							const answer = await fetch(document.querySelector('.journal-entry audio').src);
							return `${answer.status} ${answer.headers.get('Content-Type')} ${(await answer.arrayBuffer()).byteLength}`;
						}""");
		assertThat(played).asString().startsWith("200 audio/webm ").doesNotEndWith(" 0");

		UUID id = UUID.fromString(voice.at("/id").asString());
		// No speech service here: the transcriber says so, and the page shows it.
		page.waitForCondition(() -> {
			page.reload();
			return page.locator("#entry-" + id + " .transcript-status").textContent().startsWith("No transcript");
		});
		// Where a service transcribed it, the transcript is shown.
		this.jdbc
			.sql("UPDATE journal_entries SET transcript = 'I walked by the river.', transcript_status = 'done' "
					+ "WHERE id = :id")
			.param("id", id)
			.update();
		page.reload();
		assertThat(page.locator("#entry-" + id + " .transcript")).containsText("I walked by the river.");
	}

	@Test
	void shouldKeepAnEntryWrittenOfflineAndSaveItOnceBackOnline(Page page) {
		AppPages.signIn(page, this.port, this.member.email());
		page.navigate(url("/app/journal"));
		page.evaluate("async () => (await navigator.serviceWorker.ready).active.state");
		page.reload();
		page.context().setOffline(true);
		page.getByLabel("What is on your mind?").fill("Written on the train.");
		page.getByLabel("Tags, separated by commas (optional)").fill("travel, calm");
		AppPages.button(page, "Save entry").click();
		assertThat(page.locator("[data-queued-status]")).hasText("Saved on this device");
		assertThat(page.locator("#sync-status")).containsText("waiting to sync");
		assertThat(page.getByLabel("What is on your mind?")).isEmpty();
		assertThat(entries().size()).isZero();

		page.context().setOffline(false);
		assertThat(page.locator(".journal-entry .journal-body")).hasText("Written on the train.");
		assertThat(page.locator("#sync-status")).hasText("All changes saved");
		assertThat(page.locator("[data-queued-status]")).isEmpty();
		JsonNode entries = entries();
		assertThat(entries.size()).isOne();
		assertThat(entries.get(0).path("tags").valueStream().map(JsonNode::asString))
			.containsExactlyInAnyOrder("travel", "calm");
	}

	private JsonNode entries() {
		return this.member.get("/api/v1/journal-entries").execute().json().at("/data");
	}

	@Test
	void shouldRefuseAnEmptyEntryAFileThatIsNotAudioAndAnotherMembersRecording(Page page) {
		AppMember other = AppMember.create(this.accounts, this.port, Role.USER);
		String theirs = other.add("/api/v1/journal-entries", "{\"kind\":\"voice\",\"title\":\"Private\"}");
		AppPages.signIn(page, this.port, this.member.email());
		page.navigate(url("/app/journal"));
		assertThat(AppPages.post(page, "/app/journal", "title=Empty&body=")).startsWith("400 ");
		Object notAudio = page.evaluate("""
				async () => {
					const body = new FormData();
					body.append('file', new Blob(['just text, not audio'], { type: 'audio/webm' }), 'recording');
					const answer = await fetch('/app/journal/recordings', { method: 'POST', body,
						headers: { 'HX-Request': 'true', [document.querySelector('meta[name=_csrf_header]').content]:
							document.querySelector('meta[name=_csrf]').content } });
					return answer.status;
				}""");
		assertThat(notAudio).isEqualTo(415);
		assertThat(this.member.get("/api/v1/journal-entries").execute().json().at("/data").size())
			.as("no entry left behind")
			.isZero();
		assertThat(page.evaluate("async (id) => (await fetch(`/app/journal/${id}/audio`)).status", theirs))
			.isEqualTo(404);
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
