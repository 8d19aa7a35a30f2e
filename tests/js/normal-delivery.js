'use strict';
// Plays the channel for a normal-delivery message: botbuilder's ChannelServiceRoutes with a CloudChannelServiceHandler
// subclass receive the bot's Connector calls on loopback (with Microsoft's own routing, activity validation and auth,
// here disabled), while the message is POSTed to the bot. Prints {ack, calls} as JSON once the answer has arrived.
// Usage: node normal-delivery.js <bot /api/messages URL> <question> <conversation id>
const { ChannelServiceRoutes } = require('botbuilder');
// Not exported from botbuilder's index.
const { CloudChannelServiceHandler } = require('botbuilder/lib/cloudChannelServiceHandler');
const {
    AuthenticationConfiguration,
    BotFrameworkAuthenticationFactory,
    PasswordServiceClientCredentialFactory,
} = require('botframework-connector');
const { createWebServer } = require('./web-server-shim');

const TIMEOUT_MS = 30000;

class RecordingHandler extends CloudChannelServiceHandler {
    constructor(auth, onCall) {
        super(auth);
        this.onCall = onCall;
    }

    async onReplyToActivity(claimsIdentity, conversationId, activityId, activity) {
        return this.onCall({ operation: 'replyToActivity', conversationId, activityId, activity });
    }

    async onSendToConversation(claimsIdentity, conversationId, activity) {
        return this.onCall({ operation: 'sendToConversation', conversationId, activity });
    }
}

async function main() {
    const [messagesUrl, question, conversationId] = process.argv.slice(2);
    const calls = [];
    let answered;
    const answer = new Promise((resolve) => (answered = resolve));

    const auth = BotFrameworkAuthenticationFactory.create(
        '', false, '', '', '', '', '', '', '',
        new PasswordServiceClientCredentialFactory('', ''),
        new AuthenticationConfiguration([]),
    );
    const handler = new RecordingHandler(auth, async (call) => {
        calls.push(call);
        if (call.activity.type === 'message') {
            answered();
        }
        return { id: `reply-${calls.length}` };
    });
    const web = createWebServer();
    // A path prefix, like Teams' regional serviceUrls (https://smba.trafficmanager.net/amer/).
    new ChannelServiceRoutes(handler).register(web, '/amer');
    await new Promise((resolve) => web.server.listen(0, '127.0.0.1', resolve));
    const serviceUrl = `http://127.0.0.1:${web.server.address().port}/amer/`;

    const response = await fetch(messagesUrl, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
            type: 'message',
            id: 'js-activity-2',
            channelId: 'msteams',
            serviceUrl,
            from: { id: '29:js-user', name: 'JS user' },
            recipient: { id: '28:assistant-bot', name: 'Assistant' },
            conversation: { id: conversationId },
            locale: 'ar-EG',
            text: question,
        }),
    });
    const ack = { status: response.status, body: await response.text() };

    const timer = setTimeout(() => {
        console.error(`No answer within ${TIMEOUT_MS} ms; calls so far: ${JSON.stringify(calls)}`);
        process.exit(2);
    }, TIMEOUT_MS);
    await answer;
    clearTimeout(timer);
    web.server.close();
    process.stdout.write(JSON.stringify({ ack, calls }) + '\n');
}

main().catch((err) => {
    console.error(err);
    process.exit(1);
});
