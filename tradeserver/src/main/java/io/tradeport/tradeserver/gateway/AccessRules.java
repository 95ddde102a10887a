package io.tradeport.tradeserver.gateway;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

import io.tradeport.gateway.v1.ConAccess;

/**
 * The ACCESS section applied to manager logins: the first rule whose range holds the address
 * decides (ALLOW / ALLOW_WITHOUT_CHECK admit, DENY refuses); no matching rule admits, as in MT4
 * where an empty list lets everybody in.
 */
final class AccessRules {

	private AccessRules() {
	}

	static boolean allows(List<ConAccess> rules, String ip) {
		BigInteger address = number(ip);
		if (address == null) {
			return true;
		}
		for (ConAccess rule : rules) {
			BigInteger from = number(rule.getIpFrom());
			BigInteger to = rule.getIpTo().isBlank() ? from : number(rule.getIpTo());
			if (from != null && to != null && address.compareTo(from) >= 0 && address.compareTo(to) <= 0) {
				return rule.getAction() != ConAccess.Action.DENY;
			}
		}
		return true;
	}

	private static @org.jspecify.annotations.Nullable BigInteger number(String ip) {
		if (ip.isBlank() || !ip.matches("[0-9a-fA-F:.]+")) {
			return null;
		}
		try {
			return new BigInteger(1, InetAddress.getByName(ip).getAddress());
		}
		catch (UnknownHostException ex) {
			return null;
		}
	}
}
