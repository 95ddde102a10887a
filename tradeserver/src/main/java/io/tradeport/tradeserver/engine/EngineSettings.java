package io.tradeport.tradeserver.engine;

import java.time.LocalTime;
import java.time.ZoneId;

/**
 * Server-wide settings (the engine's part of MT4's ConCommon).
 *
 * @param serverZone MT4 servers run on a local "server time"; sessions and end of day use it
 * @param endOfDay rollover and daily-report time in server time (ConCommon.endhour/endminute)
 * @param statementWeekend also write daily reports for Saturday and Sunday
 * @param firstTicket first ticket number handed out
 */
public record EngineSettings(ZoneId serverZone, LocalTime endOfDay, boolean statementWeekend, int firstTicket) {

	public static EngineSettings defaults() {
		return new EngineSettings(ZoneId.of("UTC"), LocalTime.MIDNIGHT, false, 1);
	}

	public EngineSettings withServerZone(ZoneId zone) {
		return new EngineSettings(zone, endOfDay, statementWeekend, firstTicket);
	}

	public EngineSettings withEndOfDay(LocalTime time) {
		return new EngineSettings(serverZone, time, statementWeekend, firstTicket);
	}
}
