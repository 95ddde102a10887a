package io.tradeport.tradeserver.gateway;

import static io.tradeport.tradeserver.gateway.Gateway.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.grpc.Status;
import io.tradeport.gateway.v1.AddUserRequest;
import io.tradeport.gateway.v1.CheckPasswordRequest;
import io.tradeport.gateway.v1.GetOnlineRequest;
import io.tradeport.gateway.v1.GroupOperationRequest;
import io.tradeport.gateway.v1.LoginRef;
import io.tradeport.gateway.v1.SetPasswordRequest;
import io.tradeport.gateway.v1.TradeCommand;
import io.tradeport.gateway.v1.TradeTransactionRequest;
import io.tradeport.gateway.v1.TransactionType;
import io.tradeport.gateway.v1.User;
import io.tradeport.gateway.v1.UsersFilter;
import io.tradeport.tradeserver.config.DemoPlatform;

class AccountsTests {

	private final Gateway gateway = new Gateway();
	private final Gateway.Manager admin = gateway.admin();

	@AfterEach
	void stop() {
		gateway.close();
	}

	private static AddUserRequest newUser(int login, String group) {
		return AddUserRequest.newBuilder()
			.setUser(User.newBuilder().setLogin(login).setGroup(group).setName("New Client").setEmail("new@example.com")
				.setEnable(true).setLeverage(50))
			.setPassword("Secret123")
			.setInvestorPassword("Watch123")
			.build();
	}

	@Test
	void usersAreListedWithTheirMoneyAndPersonalData() {
		var users = admin.accounts().getUsers(UsersFilter.getDefaultInstance()).getUsersList();

		assertThat(users).extracting(User::getLogin).containsExactlyInAnyOrder(1001, 1002, 1003);
		User trader = users.stream().filter(u -> u.getLogin() == 1001).findFirst().orElseThrow();
		assertThat(trader.getName()).isEqualTo("Demo Trader");
		assertThat(trader.getBalance()).isEqualTo(10_000);
		assertThat(trader.getCurrency()).isEqualTo("USD");
		assertThat(trader.getLeverage()).isEqualTo(100);
	}

	@Test
	void usersCanBeFilteredByGroupMaskAndLogins() {
		assertThat(admin.accounts().getUsers(UsersFilter.newBuilder().setGroupMask("demo*,!demopro").build()).getUsersList())
			.extracting(User::getLogin).containsExactlyInAnyOrder(1001, 1002);
		assertThat(admin.accounts().getUsers(UsersFilter.newBuilder().addLogins(1003).build()).getUsersList())
			.extracting(User::getLogin).containsExactly(1003);
	}

	@Test
	void aManagerSeesOnlyTheAccountsOfItsGroups() {
		admin.config().update(io.tradeport.gateway.v1.ConfigUpdateRequest.newBuilder()
			.setSection(io.tradeport.gateway.v1.ConfigSection.MANAGERS).setPos(-1)
			.setRecord(io.tradeport.gateway.v1.ConfigRecord.newBuilder().setManager(io.tradeport.gateway.v1.ConManager.newBuilder()
				.setLogin(7).setName("EUR desk").setPassword("Desk1234").setGroups("*-eur").setManager(true)))
			.build());
		var desk = gateway.login(7, "Desk1234");

		assertThat(desk.accounts().getUsers(UsersFilter.getDefaultInstance()).getUsersList())
			.extracting(User::getLogin).containsExactly(1002);
		var hidden = refusal(() -> desk.accounts().getUser(LoginRef.newBuilder().setLogin(1001).build()));
		assertThat(hidden.status()).isEqualTo(Status.Code.NOT_FOUND);
		assertThat(hidden.retCode()).isEqualTo(3);
	}

	@Test
	void oneUserIsReadByLoginAndAnUnknownLoginIsInvalidData() {
		assertThat(admin.accounts().getUser(LoginRef.newBuilder().setLogin(1002).build()).getCurrency()).isEqualTo("EUR");

		var refused = refusal(() -> admin.accounts().getUser(LoginRef.newBuilder().setLogin(4242).build()));
		assertThat(refused.retCode()).isEqualTo(3);
		assertThat(refused.status()).isEqualTo(Status.Code.NOT_FOUND);
	}

	@Test
	void aNewUserWithLoginZeroGetsTheNextFreeLogin() {
		User created = admin.accounts().addUser(newUser(0, "demoforex"));

		assertThat(created.getLogin()).isEqualTo(DemoPlatform.firstFreeLogin());
		assertThat(created.getLeverage()).isEqualTo(50);
		assertThat(created.getBalance()).isZero();
		assertThat(admin.accounts().addUser(newUser(0, "demoforex")).getLogin()).isEqualTo(DemoPlatform.firstFreeLogin() + 1);
	}

	@Test
	void aNewUserNeedsAnExistingGroupAFreeLoginAndAPassword() {
		assertThat(refusal(() -> admin.accounts().addUser(newUser(2000, "nosuchgroup"))).retCode()).isEqualTo(3);
		assertThat(refusal(() -> admin.accounts().addUser(newUser(1001, "demoforex"))).retCode()).isEqualTo(3);
		assertThat(refusal(() -> admin.accounts().addUser(newUser(2000, "demoforex").toBuilder().setPassword("abc").build())).retCode())
			.isEqualTo(3);
	}

	@Test
	void updatingAUserChangesSettingsButNotMoney() {
		User before = admin.accounts().getUser(LoginRef.newBuilder().setLogin(1001).build());

		User after = admin.accounts().updateUser(before.toBuilder().setName("Renamed").setLeverage(200).setBalance(1_000_000)
			.setEnableReadOnly(true).build());

		assertThat(after.getName()).isEqualTo("Renamed");
		assertThat(after.getLeverage()).isEqualTo(200);
		assertThat(after.getEnableReadOnly()).isTrue();
		assertThat(after.getBalance()).isEqualTo(10_000);
		assertThat(refusal(() -> admin.accounts().updateUser(before.toBuilder().setGroup("nosuchgroup").build())).retCode()).isEqualTo(3);
	}

	@Test
	void aUserWithoutOrdersCanBeDeletedOneWithOpenOrdersCannot() {
		admin.trading().tradeTransaction(TradeTransactionRequest.newBuilder().setType(TransactionType.TT_BR_ORDER_OPEN)
			.setCmd(TradeCommand.BUY).setOrderBy(1001).setSymbol("EURUSD").setVolume(10).build());

		var refused = refusal(() -> admin.accounts().deleteUser(LoginRef.newBuilder().setLogin(1001).build()));
		assertThat(refused.retCode()).isEqualTo(3);

		admin.accounts().deleteUser(LoginRef.newBuilder().setLogin(1002).build());
		assertThat(refusal(() -> admin.accounts().getUser(LoginRef.newBuilder().setLogin(1002).build())).retCode()).isEqualTo(3);
	}

	@Test
	void passwordsAreCheckedAndChanged() {
		var check = admin.accounts().checkPassword(CheckPasswordRequest.newBuilder().setLogin(1001).setPassword(DemoPlatform.CLIENT_PASSWORD).build());
		assertThat(check.getValid()).isTrue();
		assertThat(check.getInvestor()).isFalse();
		var investor = admin.accounts().checkPassword(CheckPasswordRequest.newBuilder().setLogin(1001)
			.setPassword(DemoPlatform.CLIENT_INVESTOR_PASSWORD).build());
		assertThat(investor.getValid()).isTrue();
		assertThat(investor.getInvestor()).isTrue();

		admin.accounts().setPassword(SetPasswordRequest.newBuilder().setLogin(1001).setPassword("Changed99").build());

		assertThat(admin.accounts().checkPassword(CheckPasswordRequest.newBuilder().setLogin(1001)
			.setPassword(DemoPlatform.CLIENT_PASSWORD).build()).getValid()).isFalse();
		assertThat(admin.accounts().checkPassword(CheckPasswordRequest.newBuilder().setLogin(1001)
			.setPassword("Changed99").build()).getValid()).isTrue();
		assertThat(refusal(() -> admin.accounts().setPassword(SetPasswordRequest.newBuilder().setLogin(1001).setPassword("1234").build()))
			.retCode()).isEqualTo(3);
		assertThat(refusal(() -> admin.accounts().checkPassword(CheckPasswordRequest.newBuilder().setLogin(4242).setPassword("x").build()))
			.retCode()).isEqualTo(3);
	}

	@Test
	void groupOperationsMoveAccountsChangeLeverageAndDisable() {
		var moved = admin.accounts().groupOperation(GroupOperationRequest.newBuilder()
			.setCommand(GroupOperationRequest.Command.MOVE_TO_GROUP).setNewGroup("demopro").addLogins(1001).build());
		admin.accounts().groupOperation(GroupOperationRequest.newBuilder()
			.setCommand(GroupOperationRequest.Command.SET_LEVERAGE).setLeverage(30).addLogins(1001).addLogins(1003).build());
		admin.accounts().groupOperation(GroupOperationRequest.newBuilder()
			.setCommand(GroupOperationRequest.Command.DISABLE).addLogins(1003).build());

		assertThat(moved.getChanged()).isEqualTo(1);
		User trader = admin.accounts().getUser(LoginRef.newBuilder().setLogin(1001).build());
		assertThat(trader.getGroup()).isEqualTo("demopro");
		assertThat(trader.getLeverage()).isEqualTo(30);
		assertThat(admin.accounts().getUser(LoginRef.newBuilder().setLogin(1003).build()).getEnable()).isFalse();
		assertThat(refusal(() -> admin.accounts().groupOperation(GroupOperationRequest.newBuilder()
			.setCommand(GroupOperationRequest.Command.MOVE_TO_GROUP).setNewGroup("nosuchgroup").addLogins(1001).build())).retCode())
			.isEqualTo(3);
	}

	@Test
	void onlineListsTheConnectedManagers() {
		var online = admin.accounts().getOnline(GetOnlineRequest.getDefaultInstance()).getOnlineList();

		assertThat(online).anySatisfy(o -> {
			assertThat(o.getLogin()).isEqualTo(1);
			assertThat(o.getIp()).isEqualTo("127.0.0.1");
		});
	}

	@Test
	void aDealerWithoutTheManagerRightCannotChangeAccounts() {
		var dealer = gateway.dealer();

		var refused = refusal(() -> dealer.accounts().addUser(newUser(2000, "demoforex")));

		assertThat(refused.retCode()).isEqualTo(7);
		assertThat(refused.status()).isEqualTo(Status.Code.PERMISSION_DENIED);
		assertThat(refusal(() -> dealer.accounts().updateUser(User.newBuilder().setLogin(1001).setGroup("demoforex").build())).retCode())
			.isEqualTo(7);
		assertThat(refusal(() -> dealer.accounts().deleteUser(LoginRef.newBuilder().setLogin(1001).build())).retCode()).isEqualTo(7);
		assertThat(refusal(() -> dealer.accounts().setPassword(SetPasswordRequest.newBuilder().setLogin(1001).setPassword("Abcdef1").build()))
			.retCode()).isEqualTo(7);
		assertThat(refusal(() -> dealer.accounts().groupOperation(GroupOperationRequest.newBuilder()
			.setCommand(GroupOperationRequest.Command.DISABLE).addLogins(1001).build())).retCode()).isEqualTo(7);
		// The dealer has the online right.
		assertThat(dealer.accounts().getOnline(GetOnlineRequest.getDefaultInstance()).getOnlineCount()).isGreaterThanOrEqualTo(2);
	}

	@Test
	void onlineNeedsTheOnlineRight() {
		admin.config().update(io.tradeport.gateway.v1.ConfigUpdateRequest.newBuilder()
			.setSection(io.tradeport.gateway.v1.ConfigSection.MANAGERS).setPos(-1)
			.setRecord(io.tradeport.gateway.v1.ConfigRecord.newBuilder().setManager(io.tradeport.gateway.v1.ConManager.newBuilder()
				.setLogin(8).setName("Viewer").setPassword("View1234").setGroups("*")))
			.build());
		var viewer = gateway.login(8, "View1234");

		assertThat(refusal(() -> viewer.accounts().getOnline(GetOnlineRequest.getDefaultInstance())).retCode()).isEqualTo(7);
		assertThat(viewer.accounts().getUsers(UsersFilter.getDefaultInstance()).getUsersCount()).isEqualTo(3);
	}

	@Test
	void usersArePagedInLoginOrderAfterACursor() {
		var first = admin.accounts().getUsers(UsersFilter.newBuilder().setLimit(2).build());
		var second = admin.accounts().getUsers(UsersFilter.newBuilder().setLimit(2).setAfterLogin(1002).build());

		assertThat(first.getUsersList()).extracting(User::getLogin).containsExactly(1001, 1002);
		assertThat(first.getHasMore()).isTrue();
		assertThat(second.getUsersList()).extracting(User::getLogin).containsExactly(1003);
		assertThat(second.getHasMore()).isFalse();
		assertThat(refusal(() -> admin.accounts().getUsers(UsersFilter.newBuilder().setLimit(-1).build())).retCode()).isEqualTo(3);
	}

	@Test
	void aGroupDeleteRemovesAllOrNothing() {
		admin.trading().tradeTransaction(TradeTransactionRequest.newBuilder().setType(TransactionType.TT_BR_ORDER_OPEN)
			.setCmd(TradeCommand.BUY).setOrderBy(1003).setSymbol("EURUSD").setVolume(10).build());

		var refused = refusal(() -> admin.accounts().groupOperation(GroupOperationRequest.newBuilder()
			.setCommand(GroupOperationRequest.Command.DELETE).addLogins(1001).addLogins(1003).build()));
		assertThat(refused.retCode()).isEqualTo(3);
		assertThat(admin.accounts().getUsers(UsersFilter.getDefaultInstance()).getUsersCount()).isEqualTo(3);

		var deleted = admin.accounts().groupOperation(GroupOperationRequest.newBuilder()
			.setCommand(GroupOperationRequest.Command.DELETE).addLogins(1001).addLogins(1002).build());
		assertThat(deleted.getChanged()).isEqualTo(2);
		assertThat(admin.accounts().getUsers(UsersFilter.getDefaultInstance()).getUsersList()).extracting(User::getLogin).containsExactly(1003);
	}
}
