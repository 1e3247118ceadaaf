// Live boards: each element with data-live gets its content from that Server-Sent Events stream.
// The server renders the fragment with the same escaping templates as the page, so it is set as HTML.
(function () {
  if (!('EventSource' in window)) return;
  var status = document.querySelector('[data-live-status]');
  function say(text, state) {
    if (!status) return;
    status.textContent = text;
    status.setAttribute('data-state', state);
  }
  document.querySelectorAll('[data-live]').forEach(function (el) {
    var source = new EventSource(el.getAttribute('data-live'));
    source.addEventListener('open', function () {
      say('● Live', 'open');
    });
    source.addEventListener('error', function () {
      say('Reconnecting…', 'error');
    });
    source.addEventListener('board', function (e) {
      el.innerHTML = e.data;
      el.setAttribute('data-updated', e.lastEventId);
      say('● Live', 'open');
    });
  });
})();
