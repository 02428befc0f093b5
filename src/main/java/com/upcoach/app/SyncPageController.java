package com.upcoach.app;

import java.util.List;

import jakarta.validation.Valid;

import com.upcoach.sync.SyncBatch;
import com.upcoach.sync.SyncFeed;
import com.upcoach.shared.UserId;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * Where the app's script sends what was tapped offline (queued in IndexedDB), through the
 * same sync service as {@code POST /api/v1/sync/batch}: each write applied once however
 * often it is sent, each with its own answer.
 */
@Controller
class SyncPageController {

	private final SyncFeed feed;

	SyncPageController(SyncFeed feed) {
		this.feed = feed;
	}

	@PostMapping("/app/sync")
	@ResponseBody
	List<SyncFeed.ItemResult> sync(UserId me, @Valid @RequestBody SyncBatch batch) {
		return this.feed.apply(me, batch.toOperations());
	}

}
