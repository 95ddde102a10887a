package io.tradeport.cloud.webapi;

import java.util.List;

import org.springframework.stereotype.Component;

import io.tradeport.cloud.platforms.PlatformConnections;
import io.tradeport.gateway.v1.ConfigPosition;
import io.tradeport.gateway.v1.ConfigRecord;
import io.tradeport.gateway.v1.ConfigRequest;
import io.tradeport.gateway.v1.ConfigSection;
import io.tradeport.gateway.v1.ConfigShiftRequest;
import io.tradeport.gateway.v1.ConfigUpdateRequest;
import io.tradeport.gateway.v1.ConfigurationGrpc;

/** The gateway's Configuration service, one call each: what every Cfg* and plugin operation is made of. */
@Component
class ConfigurationCalls {

	private final PlatformConnections connections;

	ConfigurationCalls(PlatformConnections connections) {
		this.connections = connections;
	}

	/** The section's records in configuration order: a record's index is its {@code pos}. */
	List<ConfigRecord> records(CalledPlatform platform, ConfigSection section) {
		return connections.call(platform.id(), channel -> ConfigurationGrpc.newBlockingStub(channel)
			.request(ConfigRequest.newBuilder().setSection(section).build())).getRecordsList();
	}

	/** {@code pos} replaces the record there ({@code pos} = count appends); a negative one goes by the record's key. */
	ConfigRecord update(CalledPlatform platform, ConfigSection section, int pos, ConfigRecord record) {
		return connections.call(platform.id(), channel -> ConfigurationGrpc.newBlockingStub(channel)
			.update(ConfigUpdateRequest.newBuilder().setSection(section).setPos(pos).setRecord(record).build()));
	}

	void delete(CalledPlatform platform, ConfigSection section, int pos) {
		connections.call(platform.id(), channel -> ConfigurationGrpc.newBlockingStub(channel)
			.delete(ConfigPosition.newBuilder().setSection(section).setPos(pos).build()));
	}

	void shift(CalledPlatform platform, ConfigSection section, int pos, int shift) {
		connections.call(platform.id(), channel -> ConfigurationGrpc.newBlockingStub(channel)
			.shift(ConfigShiftRequest.newBuilder().setSection(section).setPos(pos).setShift(shift).build()));
	}
}
