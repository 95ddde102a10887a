package io.tradeport.tradeserver.gateway;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * MT4 group mask: comma-separated patterns with {@code *} wildcards; a {@code !} prefix excludes.
 * A group matches when it matches an including pattern and no excluding one, e.g.
 * {@code "demo*,!demopro"}.
 */
record GroupMask(List<Pattern> include, List<Pattern> exclude) {

	static final GroupMask ALL = parse("*");

	static GroupMask parse(String mask) {
		List<Pattern> include = new ArrayList<>();
		List<Pattern> exclude = new ArrayList<>();
		for (String part : mask.split(",")) {
			String p = part.trim();
			if (p.isEmpty()) {
				continue;
			}
			boolean negative = p.startsWith("!");
			Pattern pattern = toRegex(negative ? p.substring(1) : p);
			(negative ? exclude : include).add(pattern);
		}
		return new GroupMask(List.copyOf(include), List.copyOf(exclude));
	}

	boolean matches(String group) {
		return include.stream().anyMatch(p -> p.matcher(group).matches())
				&& exclude.stream().noneMatch(p -> p.matcher(group).matches());
	}

	private static Pattern toRegex(String glob) {
		StringBuilder regex = new StringBuilder();
		for (char c : glob.toCharArray()) {
			if (c == '*') {
				regex.append(".*");
			}
			else if (c == '?') {
				regex.append('.');
			}
			else {
				regex.append(Pattern.quote(String.valueOf(c)));
			}
		}
		return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE);
	}
}
