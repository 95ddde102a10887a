package io.tradeport.cloud.mail;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

@Controller
@DevMailboxEnabled
class DevMailboxController {

	private final DevMailbox mailbox;

	DevMailboxController(DevMailbox mailbox) {
		this.mailbox = mailbox;
	}

	@GetMapping("/dev/mailbox")
	String list(Model model) {
		model.addAttribute("mails", mailbox.newestFirst(200));
		return "mail/mailbox";
	}

	@GetMapping("/dev/mailbox/{id}")
	String show(@PathVariable long id, Model model) {
		model.addAttribute("mail",
				mailbox.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such mail")));
		return "mail/mail";
	}
}
