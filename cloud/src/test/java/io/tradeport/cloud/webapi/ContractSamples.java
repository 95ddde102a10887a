package io.tradeport.cloud.webapi;

import java.util.List;

import org.jspecify.annotations.Nullable;

import io.tradeport.cloud.Http;

/**
 * The sample calls of one area of the contract, for {@link ContractConformanceTests}, which finds every
 * implementation in this package. Each operation needs at least one call; give errors their own calls too (an
 * unknown login, a bad enum), since error envelopes are validated as well.
 */
interface ContractSamples {

	/** One call: {@code pathTemplate} is the contract's path, {@code path} the concrete one; {@code body} is JSON. */
	record Sample(String method, String pathTemplate, String path, @Nullable String body) {

		static Sample get(String pathTemplate, String path) {
			return new Sample("GET", pathTemplate, path, null);
		}

		static Sample post(String pathTemplate, String path, @Nullable String body) {
			return new Sample("POST", pathTemplate, path, body);
		}

		static Sample patch(String pathTemplate, String path, @Nullable String body) {
			return new Sample("PATCH", pathTemplate, path, body);
		}
	}

	/**
	 * What samples may use: {@code mt4} and {@code mt5} are path prefixes ({@code /api/v2/MT4/<id>}) of platforms on
	 * built-in trade servers presenting as MT4 and MT5, {@code foreign} one of a platform that does not exist; the
	 * bearer holds every scope, and may be used to prepare data (open a trade, add a user) before sampling.
	 */
	record Context(Http http, String bearer, String mt4, String mt5, String foreign) {

		Http.Response get(String path) {
			return http.get(path, "Authorization", bearer);
		}

		Http.Response post(String path, String json) {
			return http.postRaw(path, "application/json", json, "Authorization", bearer);
		}
	}

	List<Sample> samples(Context context);
}
