package io.tradeport.cloud.webapi;

import java.util.List;

import static io.tradeport.cloud.webapi.ContractSamples.Sample.get;
import static io.tradeport.cloud.webapi.ContractSamples.Sample.post;

class MessagingSamples implements ContractSamples {

	@Override
	public List<Sample> samples(Context context) {
		var mt4 = context.mt4();
		var foreign = context.foreign();
		var sent = context.post(mt4 + "/NewsSend", "{\"topic\":\"Contract news\",\"category\":\"Tests\",\"body\":\"Sampled.\"}");
		if (sent.status() != 200) {
			throw new IllegalStateException("NewsSend failed: " + sent.body());
		}
		var key = context.get(mt4 + "/NewsGet").json().get("data").get(0).get("key").asInt();
		return List.of(
				post("/api/v2/MT4/{tradePlatform}/MailSend", mt4 + "/MailSend",
						"{\"senderName\":\"Support\",\"subject\":\"Contract\",\"body\":\"Hello\",\"logins\":[1001,1002]}"),
				post("/api/v2/MT4/{tradePlatform}/MailSend", mt4 + "/MailSend", "{\"subject\":\"Contract\",\"body\":\"Hello\",\"logins\":[]}"),
				post("/api/v2/MT4/{tradePlatform}/MailSend", mt4 + "/MailSend",
						"{\"subject\":\"Contract\",\"body\":\"Hello\",\"logins\":[99999999]}"),
				get("/api/v2/MT4/{tradePlatform}/MailsRequest", mt4 + "/MailsRequest"),
				get("/api/v2/MT4/{tradePlatform}/MailsRequest", foreign + "/MailsRequest"),
				get("/api/v2/MT4/{tradePlatform}/MailLast", mt4 + "/MailLast"),
				get("/api/v2/MT4/{tradePlatform}/MailLast", foreign + "/MailLast"),
				post("/api/v2/MT4/{tradePlatform}/NewsSend", mt4 + "/NewsSend",
						"{\"topic\":\"Markets open\",\"category\":\"Markets\",\"body\":\"Quotes resume.\",\"highPriority\":true}"),
				post("/api/v2/MT4/{tradePlatform}/NewsSend", mt4 + "/NewsSend", "{\"body\":\"no topic\"}"),
				get("/api/v2/MT4/{tradePlatform}/NewsGet", mt4 + "/NewsGet"),
				get("/api/v2/MT4/{tradePlatform}/NewsGet", foreign + "/NewsGet"),
				get("/api/v2/MT4/{tradePlatform}/NewsTotal", mt4 + "/NewsTotal"),
				get("/api/v2/MT4/{tradePlatform}/NewsTotal", foreign + "/NewsTotal"),
				get("/api/v2/MT4/{tradePlatform}/NewsTopicGet/{pos}", mt4 + "/NewsTopicGet/0"),
				get("/api/v2/MT4/{tradePlatform}/NewsTopicGet/{pos}", mt4 + "/NewsTopicGet/999"),
				get("/api/v2/MT4/{tradePlatform}/NewsTopicGet/{pos}", mt4 + "/NewsTopicGet/-1"),
				post("/api/v2/MT4/{tradePlatform}/NewsBodyRequest/{key}", mt4 + "/NewsBodyRequest/" + key, null),
				post("/api/v2/MT4/{tradePlatform}/NewsBodyRequest/{key}", mt4 + "/NewsBodyRequest/999999", null),
				post("/api/v2/MT4/{tradePlatform}/NewsBodyRequest/{key}", mt4 + "/NewsBodyRequest/0", null),
				get("/api/v2/MT4/{tradePlatform}/NewsBodyGet/{key}", mt4 + "/NewsBodyGet/" + key),
				get("/api/v2/MT4/{tradePlatform}/NewsBodyGet/{key}", mt4 + "/NewsBodyGet/999999"));
	}
}
