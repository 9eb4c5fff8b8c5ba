/*
 * Baclofen FAQ Bot: the clinic website widget.
 *
 *   <script src="https://BOT-HOST/widget.js" async
 *           data-clinic-name="..." data-accent-color="#0b6e69"
 *           data-greeting="..." data-position="right"
 *           data-emergency-number="911"></script>
 *
 * Everything it loads comes from BOT-HOST (the origin of this script): its CSS, Web Chat's
 * bundle and the chat itself. Text from the page's data- attributes and from the chat only
 * ever reaches the DOM as textContent or through Web Chat, which sanitises Markdown.
 */
(function () {
  'use strict';

  var script = document.currentScript;
  if (!script || !script.src || window.__baclofenFaqWidget) {
    return;
  }
  window.__baclofenFaqWidget = true;

  var WEBCHAT_VERSION = '4.18.1';
  var ONLINE = 2;
  var FAILED_TO_CONNECT = 4;
  var ENDED = 5;

  var botOrigin = new URL(script.src, document.baseURI).origin;
  var data = script.dataset;
  var clinicName = plainText(data.clinicName, 'Our clinic', 80);
  var greeting = plainText(data.greeting, 'Questions about baclofen? Ask our FAQ assistant.', 160);
  var accent = cssColor(data.accentColor, '#0b6e69');
  var position = data.position === 'left' ? 'left' : 'right';
  // The number the widget's own notices name; a clinic outside North America sets its own (112,
  // 999, 000) alongside Safety:EmergencyResponse. Digits only, so the attribute is only ever a number.
  var emergencyNumber = /^[0-9]{2,6}$/.test(data.emergencyNumber || '') ? data.emergencyNumber : '911';
  var storageKey = 'baclofen-faq-widget:' + botOrigin;

  var root, launcher, panel, chatHost, statusLine, greetingBubble;
  var chatStarted = false;
  var directLine = null;

  function plainText(value, fallback, max) {
    var text = (value || '').replace(/\s+/g, ' ').trim();
    return text ? text.slice(0, max) : fallback;
  }

  // Only a plain colour is accepted (hex, rgb()/hsl() numbers or a colour name), so the
  // attribute can never smuggle other CSS into the page.
  function cssColor(value, fallback) {
    var candidate = (value || '').trim();
    var plain = /^#[0-9a-f]{3,8}$/i.test(candidate) ||
      /^(rgb|rgba|hsl|hsla)\([\d\s.,%\/]+\)$/i.test(candidate) ||
      /^[a-z]{3,20}$/i.test(candidate);
    return plain && window.CSS && CSS.supports('color', candidate) ? candidate : fallback;
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (text) {
      node.textContent = text;
    }
    return node;
  }

  function icon(pathData) {
    var ns = 'http://www.w3.org/2000/svg';
    var svg = document.createElementNS(ns, 'svg');
    svg.setAttribute('viewBox', '0 0 24 24');
    svg.setAttribute('width', '24');
    svg.setAttribute('height', '24');
    svg.setAttribute('aria-hidden', 'true');
    svg.setAttribute('focusable', 'false');
    var path = document.createElementNS(ns, 'path');
    path.setAttribute('d', pathData);
    path.setAttribute('fill', 'currentColor');
    svg.appendChild(path);
    return svg;
  }

  function readSaved() {
    try {
      var saved = JSON.parse(sessionStorage.getItem(storageKey) || 'null');
      return saved && saved.token && saved.conversationId && saved.domain ? saved : null;
    } catch (e) {
      return null;
    }
  }

  function save(values) {
    try {
      var current = JSON.parse(sessionStorage.getItem(storageKey) || '{}') || {};
      Object.keys(values).forEach(function (key) { current[key] = values[key]; });
      sessionStorage.setItem(storageKey, JSON.stringify(current));
    } catch (e) {
      // Private browsing or storage disabled: the chat works, it just won't resume on reload.
    }
  }

  function forgetConversation() {
    save({ token: null, conversationId: null, domain: null });
  }

  function build() {
    root = element('div', 'bfw-root bfw-' + position);
    root.hidden = true;
    root.style.setProperty('--bfw-accent', accent);

    greetingBubble = element('p', 'bfw-greeting', greeting);
    greetingBubble.setAttribute('aria-hidden', 'true');

    launcher = element('button', 'bfw-launcher');
    launcher.type = 'button';
    launcher.setAttribute('aria-label', 'Chat with ' + clinicName + ' about baclofen');
    launcher.setAttribute('aria-expanded', 'false');
    launcher.setAttribute('aria-controls', 'bfw-panel');
    launcher.appendChild(icon('M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H8l-4 4V6a2 2 0 0 1 2-2zm3 6h10V8H7v2zm0 4h7v-2H7v2z'));

    panel = element('section', 'bfw-panel');
    panel.id = 'bfw-panel';
    panel.hidden = true;
    panel.tabIndex = -1;
    panel.setAttribute('role', 'dialog');
    panel.setAttribute('aria-labelledby', 'bfw-title');

    var header = element('div', 'bfw-header');
    var titles = element('div', 'bfw-titles');
    var title = element('h2', 'bfw-title', clinicName);
    title.id = 'bfw-title';
    titles.appendChild(title);
    titles.appendChild(element('p', 'bfw-subtitle', 'Baclofen questions · automated assistant'));
    var close = element('button', 'bfw-close');
    close.type = 'button';
    close.setAttribute('aria-label', 'Close chat');
    close.appendChild(icon('M18.3 5.7 12 12l6.3 6.3-1.4 1.4L10.6 13.4 4.3 19.7 2.9 18.3 9.2 12 2.9 5.7l1.4-1.4 6.3 6.3 6.3-6.3z'));
    header.appendChild(titles);
    header.appendChild(close);

    var notice = element('p', 'bfw-notice', 'Not medical advice. In an emergency call ' + emergencyNumber + '.');
    chatHost = element('div', 'bfw-chat');
    statusLine = element('p', 'bfw-status', 'Connecting…');
    statusLine.setAttribute('role', 'status');
    chatHost.appendChild(statusLine);

    panel.appendChild(header);
    panel.appendChild(notice);
    panel.appendChild(chatHost);
    root.appendChild(panel);
    root.appendChild(greetingBubble);
    root.appendChild(launcher);

    launcher.addEventListener('click', function () {
      if (panel.hidden) {
        open();
      } else {
        closePanel();
      }
    });
    close.addEventListener('click', closePanel);
    // Capture phase: Escape closes the panel wherever focus is inside it.
    panel.addEventListener('keydown', function (event) {
      if (event.key === 'Escape') {
        event.preventDefault();
        event.stopPropagation();
        closePanel();
      }
    }, true);

    var stylesheet = document.createElement('link');
    stylesheet.rel = 'stylesheet';
    stylesheet.href = botOrigin + '/widget.css';
    // Shown only once styled, so the page never flashes an unstyled button.
    stylesheet.addEventListener('load', function () { root.hidden = false; });
    stylesheet.addEventListener('error', function () { root.hidden = false; });
    document.head.appendChild(stylesheet);
    document.body.appendChild(root);
  }

  function open() {
    panel.hidden = false;
    root.classList.add('bfw-is-open');
    greetingBubble.hidden = true;
    launcher.setAttribute('aria-expanded', 'true');
    save({ open: true });
    panel.focus();
    startChat();
    focusSendBox(0);
  }

  function closePanel() {
    panel.hidden = true;
    root.classList.remove('bfw-is-open');
    launcher.setAttribute('aria-expanded', 'false');
    save({ open: false });
    launcher.focus();
  }

  // Web Chat renders asynchronously; move focus into its send box once it exists.
  function focusSendBox(attempt) {
    if (panel.hidden) {
      return;
    }
    var input = chatHost.querySelector('.webchat__send-box-text-box__input, .webchat__send-box-text-box__html-text-area');
    if (input) {
      if (document.activeElement === panel || !panel.contains(document.activeElement)) {
        input.focus();
      }
      return;
    }
    if (attempt < 100) {
      setTimeout(function () { focusSendBox(attempt + 1); }, 100);
    }
  }

  function loadWebChat() {
    if (window.WebChat) {
      return Promise.resolve();
    }
    return new Promise(function (resolve, reject) {
      var tag = document.createElement('script');
      tag.src = botOrigin + '/webchat/webchat.js?v=' + WEBCHAT_VERSION;
      tag.async = true;
      tag.addEventListener('load', function () { resolve(); });
      tag.addEventListener('error', function () { reject(new Error('Web Chat did not load')); });
      document.head.appendChild(tag);
    });
  }

  function post(url, token) {
    var init = { method: 'POST', credentials: 'omit', cache: 'no-store', headers: {} };
    if (token) {
      init.headers.Authorization = 'Bearer ' + token;
    }
    return fetch(url, init).then(function (response) {
      if (!response.ok) {
        throw new Error('HTTP ' + response.status);
      }
      return response.json();
    });
  }

  // A conversation from earlier in this tab is resumed if its token can still be refreshed.
  function connection() {
    var saved = readSaved();
    var resumed = saved
      ? post(saved.domain + '/tokens/refresh', saved.token).then(function (body) {
        return { token: body.token, conversationId: saved.conversationId, domain: saved.domain, resume: true };
      }, function () { return null; })
      : Promise.resolve(null);

    return resumed.then(function (connection) {
      return connection || post(botOrigin + '/api/widget/token').then(function (body) {
        return { token: body.token, conversationId: body.conversationId, domain: body.domain || botOrigin + '/v3/directline', resume: false };
      });
    });
  }

  function startChat() {
    if (chatStarted) {
      return;
    }
    chatStarted = true;
    loadWebChat().then(connection).then(render).catch(function () {
      chatStarted = false;
      statusLine.textContent = 'The chat is not available right now. Please try again later, or call the clinic. In an emergency call ' + emergencyNumber + '.';
    });
  }

  function render(connection) {
    var options = { token: connection.token, domain: connection.domain, webSocket: false };
    if (connection.resume) {
      // With a conversation id directlinejs reconnects (GET) instead of starting a new conversation.
      options.conversationId = connection.conversationId;
    }
    directLine = window.WebChat.createDirectLine(options);
    save({ token: connection.token, conversationId: connection.conversationId, domain: connection.domain });

    var target = element('div', 'bfw-webchat');
    chatHost.textContent = '';
    chatHost.appendChild(target);

    var current = directLine;
    var subscription = current.connectionStatus$.subscribe(function (status) {
      if (current !== directLine) {
        return;
      }
      if (status === ONLINE) {
        save({ token: current.token, conversationId: current.conversationId, domain: connection.domain });
      } else if ((status === FAILED_TO_CONNECT || status === ENDED) && connection.resume) {
        // The old conversation is gone (expired on the server): start a fresh one.
        subscription.unsubscribe();
        current.end();
        forgetConversation();
        chatStarted = false;
        directLine = null;
        chatHost.textContent = '';
        chatHost.appendChild(statusLine);
        startChat();
      }
    });

    window.WebChat.renderWebChat({
      directLine: current,
      locale: 'en-US',
      styleOptions: styleOptions()
    }, target);
    focusSendBox(0);
  }

  function styleOptions() {
    return {
      accent: accent,
      rootHeight: '100%',
      rootWidth: '100%',
      hideUploadButton: true,
      bubbleBorderRadius: 12,
      bubbleFromUserBorderRadius: 12,
      bubbleBackground: '#f1f4f5',
      bubbleFromUserBackground: accent,
      bubbleFromUserTextColor: '#ffffff',
      bubbleFromUserBorderColor: accent,
      // Stacked and wrapped: FAQ questions are long, and a narrow panel must not cut them off.
      suggestedActionLayout: 'stacked',
      suggestedActionsStackedLayoutButtonTextWrap: true,
      suggestedActionBorderColor: accent,
      suggestedActionTextColor: accent,
      suggestedActionBorderRadius: 16,
      sendBoxButtonColor: accent,
      sendBoxButtonColorOnHover: accent,
      primaryFont: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif'
    };
  }

  // The token in storage changes when directlinejs refreshes it; keep the latest for a reload.
  window.addEventListener('pagehide', function () {
    if (directLine && directLine.token && directLine.conversationId) {
      save({ token: directLine.token, conversationId: directLine.conversationId });
    }
  });

  function boot() {
    build();
    var saved;
    try {
      saved = JSON.parse(sessionStorage.getItem(storageKey) || 'null');
    } catch (e) {
      saved = null;
    }
    if (saved && saved.open) {
      open();
    }
  }

  if (document.body) {
    boot();
  } else {
    document.addEventListener('DOMContentLoaded', boot);
  }
})();
