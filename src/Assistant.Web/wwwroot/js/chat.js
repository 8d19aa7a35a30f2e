// Connects Microsoft's Web Chat to this host's embedded Direct Line channel. The token comes from this
// origin's tokens/generate route (no secret exists in the browser); polling, because Web Chat's WebSocket
// transport is optional here.
(async function () {
  'use strict';

  const directLineBase = new URL('v3/directline', document.baseURI).href;
  const chat = document.getElementById('webchat');
  const examples = document.querySelectorAll('.example');

  const waitNote = document.getElementById('chat-wait');

  const fail = error => {
    console.error(error);
    document.getElementById('chat-error').hidden = false;
  };

  const token = await tokenWhenAllowed();
  if (!token) {
    return;
  }

  const directLine = window.WebChat.createDirectLine({
    domain: directLineBase,
    token,
    webSocket: false,
    pollingInterval: 500
  });
  const sends = holdSendsUntilConnected();
  const store = window.WebChat.createStore({}, sends.middleware);

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

  sends.catchSubmitsWebChatRefuses(chat, store);

  // An example question is sent exactly as if the user had typed it.
  examples.forEach(button =>
    button.addEventListener('click', () =>
      store.dispatch({ type: 'WEB_CHAT/SEND_MESSAGE', payload: { text: button.textContent.trim() } })
    )
  );

  // tokens/generate is rate limited per address (DirectLine:ConversationsPerClientPerMinute). A 429 is no failure: the
  // page says, in place of the chat, when it will try again (the response's Retry-After), counts down, and tries again;
  // until then there is no chat to send an example to, so the examples are disabled.
  async function tokenWhenAllowed() {
    for (;;) {
      let response;
      try {
        response = await fetch(`${directLineBase}/tokens/generate`, { method: 'POST' });
        if (response.status !== 429 && !response.ok) {
          throw new Error(`tokens/generate answered ${response.status}`);
        }
        if (response.ok) {
          const { token } = await response.json();
          showWaiting(false);
          return token;
        }
      } catch (error) {
        showWaiting(false);
        fail(error);
        return null;
      }
      const seconds = Math.max(1, Number.parseInt(response.headers.get('Retry-After') ?? '', 10) || 60);
      await countDown(seconds);
    }
  }

  function showWaiting(waiting) {
    waitNote.hidden = !waiting;
    chat.hidden = waiting;
    examples.forEach(button => { button.disabled = waiting; });
  }

  function countDown(seconds) {
    showWaiting(true);
    return new Promise(resolve => {
      let left = seconds;
      const show = () => {
        waitNote.textContent = `الطلبات كثيرة الآن. سأعيد المحاولة تلقائيًا بعد ${inSeconds(left)}.`;
      };
      show();
      const timer = setInterval(() => {
        left -= 1;
        if (left > 0) {
          show();
          return;
        }
        clearInterval(timer);
        resolve();
      }, 1000);
    });
  }

  // Arabic counts: «ثانية واحدة», «ثانيتين», «3 ثوانٍ» up to ten, «11 ثانية» beyond.
  function inSeconds(n) {
    if (n === 1) {
      return 'ثانية واحدة';
    }
    if (n === 2) {
      return 'ثانيتين';
    }
    return n <= 10 ? `${n} ثوانٍ` : `${n} ثانية`;
  }

  // Before Direct Line is online Web Chat ignores a send: its send box refuses Enter and the send button, and its send
  // sagas run only while connected. A question typed during «جارٍ الاتصال…» stayed in the box, unsent. Such sends
  // (typed or an example's) are held here and dispatched once the connection is up.
  function holdSendsUntilConnected() {
    const sendTypes = ['WEB_CHAT/SUBMIT_SEND_BOX', 'WEB_CHAT/SEND_MESSAGE'];
    const online = ['DIRECT_LINE/CONNECT_FULFILLED', 'DIRECT_LINE/RECONNECT_FULFILLED'];
    const offline = ['DIRECT_LINE/DISCONNECT_PENDING', 'DIRECT_LINE/RECONNECT_PENDING'];
    let connected = false;
    let held = [];

    const middleware = ({ dispatch }) => next => action => {
      if (sendTypes.includes(action.type) && !connected) {
        held.push(action);
        return action;
      }
      const result = next(action);
      if (online.includes(action.type)) {
        connected = true;
        const due = held;
        held = [];
        // After this dispatch has returned, so the send sagas the connection starts are listening.
        setTimeout(() => due.forEach(dispatch));
      } else if (offline.includes(action.type)) {
        connected = false;
      }
      return result;
    };

    // The send box's own refusal comes before any action, so its Enter and send button are caught first (capture
    // phase, above Web Chat's root) and turned into the submit it would have made; the text stays in the box until sent.
    const catchSubmitsWebChatRefuses = (root, store) => {
      const submit = event => {
        event.preventDefault();
        event.stopPropagation();
        store.dispatch({ type: 'WEB_CHAT/SUBMIT_SEND_BOX', payload: { method: 'keyboard' } });
      };
      document.addEventListener('keydown', event => {
        if (!connected && event.key === 'Enter' && !event.shiftKey && !event.isComposing
            && root.contains(event.target) && event.target.matches("[data-id='webchat-sendbox-input']")) {
          submit(event);
        }
      }, true);
      document.addEventListener('click', event => {
        if (!connected && event.target instanceof Element && root.contains(event.target) && event.target.closest('.webchat__send-button')) {
          submit(event);
        }
      }, true);
    };

    return { middleware, catchSubmitsWebChatRefuses };
  }
})();
