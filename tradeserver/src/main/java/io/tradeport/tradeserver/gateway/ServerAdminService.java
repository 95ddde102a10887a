package io.tradeport.tradeserver.gateway;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.grpc.stub.StreamObserver;
import io.tradeport.gateway.v1.BackupFileRef;
import io.tradeport.gateway.v1.BackupInfo;
import io.tradeport.gateway.v1.BackupList;
import io.tradeport.gateway.v1.DailyReportList;
import io.tradeport.gateway.v1.JournalEntry;
import io.tradeport.gateway.v1.JournalList;
import io.tradeport.gateway.v1.JournalRequest;
import io.tradeport.gateway.v1.JournalType;
import io.tradeport.gateway.v1.ListBackupsRequest;
import io.tradeport.gateway.v1.ReportsRequest;
import io.tradeport.gateway.v1.RestoreBackupReply;
import io.tradeport.gateway.v1.RestoreBackupRequest;
import io.tradeport.gateway.v1.ServerAdminGrpc;
import io.tradeport.gateway.v1.Trade;
import io.tradeport.gateway.v1.TradeList;
import io.tradeport.gateway.v1.User;
import io.tradeport.gateway.v1.UserList;
import io.tradeport.tradeserver.config.Backups;
import io.tradeport.tradeserver.config.Journal;
import io.tradeport.tradeserver.config.ManagerAccount;
import io.tradeport.tradeserver.config.ManagerRight;
import io.tradeport.tradeserver.engine.AccountState;
import io.tradeport.tradeserver.engine.DailyReport;
import io.tradeport.tradeserver.engine.TradeRecord;

/** Journal ("logs"), reports ("reports") and backups ("admin"). */
final class ServerAdminService extends ServerAdminGrpc.ServerAdminImplBase {

	private final ServerContext context;

	ServerAdminService(ServerContext context) {
		this.context = context;
	}

	@Override
	public void getJournal(JournalRequest request, StreamObserver<JournalList> out) {
		Calls.unary(out, () -> {
			context.sessions.require(ManagerRight.LOGS);
			Instant to = request.getTo() == 0 ? Instant.MAX : Instant.ofEpochMilli(request.getTo());
			Journal.Type type = switch (request.getType()) {
				case JOURNAL_LOGINS -> Journal.Type.LOGINS;
				case JOURNAL_TRADES -> Journal.Type.TRADES;
				case JOURNAL_ERRORS -> Journal.Type.ERRORS;
				case JOURNAL_STANDARD -> Journal.Type.STANDARD;
				default -> null;
			};
			JournalList.Builder list = JournalList.newBuilder();
			for (Journal.Entry entry : context.journal.read(Instant.ofEpochMilli(request.getFrom()), to, type, request.getFilter())) {
				list.addEntries(JournalEntry.newBuilder().setTime(entry.time().toEpochMilli())
					.setType(JournalType.forNumber(entry.type().ordinal())).setIp(entry.ip()).setMessage(entry.message()));
			}
			return list.build();
		});
	}

	@Override
	public void getReports(ReportsRequest request, StreamObserver<TradeList> out) {
		Calls.unary(out, () -> {
			ManagerAccount manager = context.sessions.require(ManagerRight.REPORTS);
			GroupMask mine = GroupMask.parse(manager.groups());
			Set<Integer> logins = new HashSet<>(request.getLoginsList());
			Instant from = Instant.ofEpochMilli(request.getFrom());
			Instant to = request.getTo() == 0 ? Instant.MAX : Instant.ofEpochMilli(request.getTo());
			List<TradeRecord> closed = context.call(e -> {
				List<TradeRecord> result = new java.util.ArrayList<>();
				for (AccountState account : e.accounts()) {
					if (mine.matches(account.group()) && (logins.isEmpty() || logins.contains(account.login().value()))) {
						result.addAll(e.history(account.login()));
					}
				}
				return result;
			});
			TradeList.Builder list = TradeList.newBuilder();
			for (TradeRecord t : closed) {
				Instant time = t.closeTime();
				if (time != null && !time.isBefore(from) && !time.isAfter(to)) {
					list.addTrades(Protos.trade(t));
				}
			}
			return list.build();
		});
	}

	@Override
	public void getDailyReports(ReportsRequest request, StreamObserver<DailyReportList> out) {
		Calls.unary(out, () -> {
			ManagerAccount manager = context.sessions.require(ManagerRight.REPORTS);
			GroupMask mine = GroupMask.parse(manager.groups());
			Set<Integer> logins = new HashSet<>(request.getLoginsList());
			Instant from = Instant.ofEpochMilli(request.getFrom());
			Instant to = request.getTo() == 0 ? Instant.MAX : Instant.ofEpochMilli(request.getTo());
			DailyReportList.Builder list = DailyReportList.newBuilder();
			for (DailyReport report : context.dailyReports()) {
				if (mine.matches(report.group()) && (logins.isEmpty() || logins.contains(report.login().value()))
						&& !report.time().isBefore(from) && !report.time().isAfter(to)) {
					list.addReports(Protos.daily(report));
				}
			}
			return list.build();
		});
	}

	@Override
	public void listBackups(ListBackupsRequest request, StreamObserver<BackupList> out) {
		Calls.unary(out, () -> {
			context.sessions.require(ManagerRight.ADMIN);
			List<? extends Backups.Backup<?>> backups = switch (request.getKind()) {
				case BACKUP_USERS -> context.userBackups.list();
				case BACKUP_ORDERS -> context.orderBackups.list();
				default -> throw MtException.of(Ret.INVALID_DATA, "kind must be BACKUP_USERS or BACKUP_ORDERS");
			};
			BackupList.Builder list = BackupList.newBuilder();
			for (Backups.Backup<?> backup : backups) {
				list.addBackups(BackupInfo.newBuilder().setFile(backup.file()).setSize(backup.size()).setTime(backup.time().toEpochMilli()));
			}
			return list.build();
		});
	}

	@Override
	public void getBackupUsers(BackupFileRef request, StreamObserver<UserList> out) {
		Calls.unary(out, () -> {
			context.sessions.require(ManagerRight.ADMIN);
			Backups.Backup<User> backup = context.userBackups.get(request.getFile())
				.orElseThrow(() -> MtException.notFound("no users backup " + request.getFile()));
			return UserList.newBuilder().addAllUsers(backup.records()).build();
		});
	}

	@Override
	public void getBackupOrders(BackupFileRef request, StreamObserver<TradeList> out) {
		Calls.unary(out, () -> {
			context.sessions.require(ManagerRight.ADMIN);
			Backups.Backup<Trade> backup = context.orderBackups.get(request.getFile())
				.orElseThrow(() -> MtException.notFound("no orders backup " + request.getFile()));
			return TradeList.newBuilder().addAllTrades(backup.records()).build();
		});
	}

	@Override
	public void restoreBackupUsers(RestoreBackupRequest request, StreamObserver<RestoreBackupReply> out) {
		Calls.unary(out, () -> new BackupRestore(context).restoreUsers(context.sessions.require(ManagerRight.ADMIN), request));
	}

	@Override
	public void restoreBackupOrders(RestoreBackupRequest request, StreamObserver<RestoreBackupReply> out) {
		Calls.unary(out, () -> new BackupRestore(context).restoreOrders(context.sessions.require(ManagerRight.ADMIN), request));
	}

	@Override
	public void getPerformance(io.tradeport.gateway.v1.PerformanceRequest request,
			StreamObserver<io.tradeport.gateway.v1.PerformanceList> out) {
		Calls.unary(out, () -> {
			context.sessions.require(ManagerRight.ADMIN);
			return ServerCommands.performance(context, request.getFrom());
		});
	}

	@Override
	public void checkLicense(io.tradeport.gateway.v1.LicenseCheckRequest request,
			StreamObserver<io.tradeport.gateway.v1.LicenseCheckReply> out) {
		Calls.unary(out, () -> {
			context.sessions.require(ManagerRight.ADMIN);
			return ServerCommands.license(request.getName());
		});
	}

	@Override
	public void runServerCommand(io.tradeport.gateway.v1.ServerCommandRequest request,
			StreamObserver<io.tradeport.gateway.v1.ServerCommandReply> out) {
		Calls.unary(out, () -> {
			ManagerAccount manager = context.sessions.require(ManagerRight.ADMIN);
			io.tradeport.gateway.v1.ServerCommandReply reply = ServerCommands.run(context, request.getCommand());
			context.journal.write(Journal.Type.STANDARD, Sessions.remoteAddress(), "'" + manager.login() + "': "
					+ request.getCommand() + ": " + String.join("; ", reply.getLinesList()));
			return reply;
		});
	}

	@Override
	public void externalCommand(io.tradeport.gateway.v1.ExternalCommandRequest request,
			StreamObserver<io.tradeport.gateway.v1.ExternalCommandReply> out) {
		Calls.unary(out, () -> {
			context.sessions.require(ManagerRight.PLUGINS);
			throw MtException.notSupported("the built-in server runs no server plugins that take external commands;"
					+ " its plugins are configuration records only");
		});
	}

	@Override
	public void sendNotification(io.tradeport.gateway.v1.SendNotificationRequest request,
			StreamObserver<io.tradeport.gateway.v1.SendNotificationReply> out) {
		Calls.unary(out, () -> {
			context.sessions.require(ManagerRight.NOTIFICATIONS);
			throw MtException.notSupported("the built-in server has no push-notification channel (MetaQuotes IDs);"
					+ " use SendMail for the client's mailbox");
		});
	}
}
