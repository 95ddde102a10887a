package io.tradeport.tradeserver.engine;

import java.time.Instant;
import java.time.LocalDate;

/**
 * End-of-day snapshot of an account, shaped like MT4's DailyReport (MT4_DAILY).
 *
 * @param time end-of-day instant the report was taken at
 * @param tradingDay server-local date of the day the report closes
 * @param deposit sum of balance operations during the day
 * @param credit sum of credit operations during the day
 * @param profitClosed P/L of positions closed that day, including swaps and commissions
 * @param profit floating P/L at end of day, including swaps and commissions
 */
public record DailyReport(
		Login login,
		Instant time,
		LocalDate tradingDay,
		String group,
		double balancePrev,
		double balance,
		double deposit,
		double credit,
		double profitClosed,
		double profit,
		double equity,
		double margin,
		double marginFree) {
}
