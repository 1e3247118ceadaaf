// Filters apply as soon as a choice changes; the button stays for readers without script.
(function () {
  document.querySelectorAll('form[data-auto-submit]').forEach(function (form) {
    form.addEventListener('change', function () {
      // Empty choices stay out of the address, so links stay short.
      form.querySelectorAll('select').forEach(function (s) {
        s.disabled = s.value === '' || (s.name === 'view' && s.value === 'overall');
      });
      form.submit();
    });
  });
})();
