package com.upcoach.identity;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.upcoach.platform.api.ApiException;
import com.upcoach.shared.Role;

import org.springframework.boot.ApplicationArguments;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Seeds one demo account per role on the embedded default (the {@code prod} profile turns
 * {@code upcoach.demo.seed} off). Accounts that already exist are left alone.
 */
@Component
@ConditionalOnBooleanProperty("upcoach.demo.seed")
class DemoAccounts implements ApplicationRunner {

	static final String PASSWORD = "upcoach-demo-2026";

	static final List<AccountManagement.NewAccount> ACCOUNTS = List.of(
			demo("member@demo.upcoach.local", "Maya Member", Role.USER),
			demo("coach@demo.upcoach.local", "Carlos Coach", Role.COACH),
			demo("admin@demo.upcoach.local", "Ada Admin", Role.ADMIN),
			demo("orgadmin@demo.upcoach.local", "Olu Org-Admin", Role.ORGANIZATION_ADMIN));

	private static final Logger logger = LoggerFactory.getLogger(DemoAccounts.class);

	private final AccountManagement accounts;

	private final ApplicationEventPublisher events;

	private final TransactionOperations transactions;

	DemoAccounts(AccountManagement accounts, ApplicationEventPublisher events, TransactionOperations transactions) {
		this.accounts = accounts;
		this.events = events;
		this.transactions = transactions;
	}

	@Override
	public void run(ApplicationArguments args) {
		for (AccountManagement.NewAccount account : ACCOUNTS) {
			if (this.accounts.exists(account.email())) {
				continue;
			}
			try {
				UserView created = this.accounts.createAccount(account);
				// Module listeners run after a commit: publish inside a transaction.
				this.transactions.executeWithoutResult((status) -> this.events
					.publishEvent(new DemoAccountCreated(created.id(), created.email(), created.role())));
				logger.info("Seeded demo account {} ({})", account.email(), account.role().value());
			}
			catch (ApiException | DataIntegrityViolationException ex) {
				// Another node seeded it at the same moment.
				logger.debug("Demo account {} already seeded", account.email());
			}
		}
	}

	private static AccountManagement.NewAccount demo(String email, String name, Role role) {
		return new AccountManagement.NewAccount(email, PASSWORD, name, role, ZoneId.of("Europe/London"),
				Locale.forLanguageTag("en-GB"));
	}

}
