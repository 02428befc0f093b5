package com.upcoach.app;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.upcoach.coaching.ClientOverview;
import com.upcoach.coaching.CoachingManagement;
import com.upcoach.coaching.SharedArea;
import com.upcoach.habits.CoachHabits;
import com.upcoach.habits.HabitManagement;
import com.upcoach.platform.api.ApiException;
import com.upcoach.shared.UserId;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Coaching in the app. For a member ({@code /app/coach}): invitations to accept with what
 * to share, their coaches with what each sees, what a coach assigned and the notes a
 * coach shared. For a coach ({@code /app/coaching/clients}): inviting by email, the
 * clients with their at-risk signals, and a client's shared habits. The coaching module
 * checks every access.
 */
@Controller
class CoachingPageController {

	private static final int MAX = 100;

	private final CoachingManagement coaching;

	private final HabitManagement habits;

	private final CoachHabits coachHabits;

	CoachingPageController(CoachingManagement coaching, HabitManagement habits, CoachHabits coachHabits) {
		this.coaching = coaching;
		this.habits = habits;
		this.coachHabits = coachHabits;
	}

	@GetMapping({ "/app/coaching", "/app/coaching/invitations" })
	String coach(UserId me, Model model) {
		model.addAttribute("invitations",
				this.coaching.invitationsFor(me, PageRequest.of(0, MAX, Sort.by(Sort.Order.desc("createdAt"))))
					.getContent());
		model.addAttribute("coaches",
				this.coaching.coachesOf(me, PageRequest.of(0, MAX, Sort.by(Sort.Order.desc("acceptedAt"))))
					.getContent());
		model.addAttribute("notes",
				this.coaching.sharedNotes(me, PageRequest.of(0, 20, Sort.by(Sort.Order.desc("createdAt"))))
					.getContent());
		model.addAttribute("assigned",
				this.habits.list(me, false, null, PageRequest.of(0, MAX))
					.stream()
					.filter((habit) -> habit.assignedBy() != null)
					.toList());
		model.addAttribute("areas", SharedArea.values());
		return "app/coach";
	}

	@PostMapping("/app/coaching/invitations/{id}/accept")
	String accept(UserId me, @PathVariable UUID id, @RequestParam(name = "area", required = false) List<String> areas) {
		this.coaching.acceptInvitation(me, id, areas(areas));
		return "redirect:/app/coaching";
	}

	@PostMapping("/app/coaching/invitations/{id}/decline")
	String decline(UserId me, @PathVariable UUID id) {
		this.coaching.declineInvitation(me, id);
		return "redirect:/app/coaching";
	}

	@PostMapping("/app/coaching/relationships/{id}/share")
	String share(UserId me, @PathVariable UUID id, @RequestParam(name = "area", required = false) List<String> areas) {
		this.coaching.share(me, id, areas(areas), null);
		return "redirect:/app/coaching";
	}

	@PostMapping("/app/coaching/relationships/{id}/end")
	String end(UserId me, @PathVariable UUID id) {
		this.coaching.end(me, id);
		return "redirect:/app/coaching";
	}

	@GetMapping("/app/coaching/clients")
	String clients(UserId me, Model model) {
		model.addAttribute("clients",
				this.coaching.clients(me, PageRequest.of(0, MAX, Sort.by(Sort.Order.desc("risk")))).getContent());
		model.addAttribute("sent",
				this.coaching.sentInvitations(me, PageRequest.of(0, MAX, Sort.by(Sort.Order.desc("createdAt"))))
					.getContent());
		return "app/clients";
	}

	@PostMapping("/app/coaching/clients/invitations")
	String invite(UserId me, @RequestParam(defaultValue = "") String email,
			@RequestParam(defaultValue = "") String message) {
		this.coaching.invite(me, null, email.strip(), message.isBlank() ? null : message.strip());
		return "redirect:/app/coaching/clients";
	}

	@GetMapping("/app/coaching/clients/{clientId}")
	String client(UserId me, @PathVariable UUID clientId, Model model) {
		UserId client = new UserId(clientId);
		ClientOverview overview = this.coaching.client(me, client);
		model.addAttribute("client", overview);
		model.addAttribute("habits", overview.sharedAreas().contains(SharedArea.HABITS)
				? this.coachHabits.list(me, client, false, PageRequest.of(0, MAX)).getContent() : List.of());
		return "app/client";
	}

	private static Set<SharedArea> areas(List<String> names) {
		Set<SharedArea> areas = EnumSet.noneOf(SharedArea.class);
		for (String name : (names != null) ? names : List.<String>of()) {
			try {
				areas.add(SharedArea.parse(name));
			}
			catch (IllegalArgumentException ex) {
				throw ApiException.validation("area", "Choose what to share from the list");
			}
		}
		return areas;
	}

}
