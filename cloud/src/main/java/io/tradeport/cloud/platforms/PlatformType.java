package io.tradeport.cloud.platforms;

public enum PlatformType {
	MT4, MT5
}
