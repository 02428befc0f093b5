package com.upcoach.app;

import com.upcoach.gamification.GamificationManagement;
import com.upcoach.shared.UserId;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Achievements and level: the points and how far to the next level, streak freezes in
 * hand, every achievement with its progress or the day it was unlocked, and the latest
 * points earned.
 */
@Controller
class AchievementsPageController {

	private static final int CATALOGUE = 200;

	private static final int LATEST_POINTS = 15;

	private final GamificationManagement gamification;

	AchievementsPageController(GamificationManagement gamification) {
		this.gamification = gamification;
	}

	@GetMapping("/app/achievements")
	String achievements(UserId me, Model model) {
		model.addAttribute("level", this.gamification.level(me));
		model.addAttribute("achievements",
				this.gamification.achievements(me, PageRequest.of(0, CATALOGUE)).getContent());
		model.addAttribute("points",
				this.gamification.points(me, PageRequest.of(0, LATEST_POINTS, Sort.by(Sort.Order.desc("occurredAt"))))
					.getContent());
		return "app/achievements";
	}

}
