// Connects Microsoft's Web Chat to this host's embedded Direct Line channel. The token comes from this
// origin's tokens/generate route (no secret exists in the browser); polling, because Web Chat's WebSocket
// transport is optional here.
(async function () {
  'use strict';

  const directLineBase = new URL('v3/directline', document.baseURI).href;
  const chat = document.getElementById('webchat');
  const examples = document.querySelectorAll('.example');

  const fail = error => {
    console.error(error);
    document.getElementById('chat-error').hidden = false;
  };

  let token;
  try {
    const response = await fetch(`${directLineBase}/tokens/generate`, { method: 'POST' });
    if (!response.ok) {
      throw new Error(`tokens/generate answered ${response.status}`);
    }
    ({ token } = await response.json());
  } catch (error) {
    fail(error);
    return;
  }

  const directLine = window.WebChat.createDirectLine({
    domain: directLineBase,
    token,
    webSocket: false,
    pollingInterval: 500
  });
  const store = window.WebChat.createStore();

  window.WebChat.renderWebChat(
    {
      directLine,
      store,
      // ar-SA is the bundle's complete Arabic: its ar-EG lacks the screen-reader strings, which fell back to English.
      locale: 'ar-SA',
      // Web Chat 4.18's Arabic strings lack the citation list header; Arabic has distinct dual and plural forms.
      // Its ar-SA "Bot said" reads «قابل الروبوت» (the robot met); the reader should hear who speaks.
      overrideLocalizedStrings: {
        ACTIVITY_BOT_SAID_ALT: 'قال المساعد:',
        REFERENCE_LIST_HEADER_ONE: 'مرجع واحد',
        REFERENCE_LIST_HEADER_TWO: 'مرجعان',
        REFERENCE_LIST_HEADER_FEW: '$1 مراجع',
        REFERENCE_LIST_HEADER_MANY: '$1 مرجعًا',
        REFERENCE_LIST_HEADER_OTHER: '$1 مرجع'
      },
      styleOptions: {
        primaryFont: getComputedStyle(document.documentElement).getPropertyValue('--arabic-fonts'),
        accent: '#0b6e4f',
        bubbleBorderRadius: 12,
        bubbleFromUserBorderRadius: 12,
        bubbleMaxWidth: 720,
        hideUploadButton: true,
        sendBoxTextWrap: true
      }
    },
    chat
  );

  // An example question is sent exactly as if the user had typed it.
  examples.forEach(button =>
    button.addEventListener('click', () =>
      store.dispatch({ type: 'WEB_CHAT/SEND_MESSAGE', payload: { text: button.textContent.trim() } })
    )
  );
})();
