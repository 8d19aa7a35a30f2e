'use strict';
// Sends the bot one message with deliveryMode "expectReplies" the way a channel or parent bot does it, with
// Microsoft's own BotFrameworkHttpClient, and prints {status, activities} as JSON.
// Usage: node expect-replies.js <bot /api/messages URL> <question>
const { BotFrameworkHttpClient } = require('botbuilder');
const { SimpleCredentialProvider } = require('botframework-connector');

async function main() {
    const [messagesUrl, question] = process.argv.slice(2);
    // Empty app id and password: local mode, no Authorization header.
    const client = new BotFrameworkHttpClient(new SimpleCredentialProvider('', ''));
    const serviceUrl = 'http://127.0.0.1:9/';
    const activity = {
        type: 'message',
        id: 'js-activity-1',
        channelId: 'directline',
        serviceUrl,
        from: { id: 'js-user', name: 'JS user' },
        recipient: { id: 'assistant-bot', name: 'Assistant' },
        conversation: { id: 'js-conversation' },
        locale: 'ar-EG',
        text: question,
        deliveryMode: 'expectReplies',
    };
    const response = await client.postActivity('', '', messagesUrl, serviceUrl, 'js-conversation', activity);
    process.stdout.write(JSON.stringify({ status: response.status, activities: response.body && response.body.activities }) + '\n');
}

main().catch((err) => {
    console.error(err);
    process.exit(1);
});
