package com.upcoach.app;

import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

import com.upcoach.identity.AccountManagement;
import com.upcoach.notifications.NotificationInbox;
import com.upcoach.notifications.NotificationView;
import com.upcoach.shared.UserId;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The notifications centre: the latest notifications, unread first marked, opened (and so
 * read) one by one or all read at once; new ones appear live from the notification
 * stream.
 */
@Controller
@RequestMapping("/app/notifications")
class NotificationsPageController {

	private static final int LATEST = 50;

	private final NotificationInbox inbox;

	private final AccountManagement accounts;

	NotificationsPageController(NotificationInbox inbox, AccountManagement accounts) {
		this.inbox = inbox;
		this.accounts = accounts;
	}

	@GetMapping
	String notifications(UserId me, @RequestParam(defaultValue = "false") boolean unread, Model model) {
		showNotifications(me, unread, model);
		return "app/notifications";
	}

	/** The list alone, which the page fetches again when the stream brings a new one. */
	@GetMapping("/list")
	String list(UserId me, @RequestParam(defaultValue = "false") boolean unread, Model model) {
		showNotifications(me, unread, model);
		return "app/notifications :: list";
	}

	/**
	 * Open a notification: it is read now, and its link (a page of this app or of the
	 * account) is where it leads.
	 */
	@PostMapping("/{id}/open")
	String open(UserId me, @PathVariable UUID id) {
		NotificationView notification = this.inbox.read(me, id);
		String link = notification.link();
		// Only a path of this site: a link is never a way off it.
		boolean local = link != null && link.startsWith("/") && !link.startsWith("//");
		return "redirect:" + (local ? link : "/app/notifications");
	}

	@PostMapping("/read-all")
	String readAll(UserId me) {
		this.inbox.readAll(me);
		return "redirect:/app/notifications";
	}

	private void showNotifications(UserId me, boolean unread, Model model) {
		ZoneId zone = ZoneId.of(this.accounts.profile(me).timeZone());
		model.addAttribute("notifications", this.inbox
			.list(me, unread, null, PageRequest.of(0, LATEST, Sort.by(Sort.Order.desc("createdAt"))))
			.map((notification) -> Map.of("notification", notification, "at", notification.createdAt().atZone(zone)))
			.getContent());
		model.addAttribute("unreadCount", this.inbox.unreadCount(me));
		model.addAttribute("unread", unread);
	}

}
