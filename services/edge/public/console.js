/* global document */
// Small progressive enhancements of the POSA console (the pages work without them).
'use strict';
document.addEventListener('DOMContentLoaded', function () {
  // The as-of date selector shows the chosen structure as soon as a date is picked.
  document.querySelectorAll('input[data-autosubmit]').forEach(function (input) {
    input.addEventListener('change', function () {
      if (input.value && input.form) input.form.submit();
    });
  });
  // Put the cursor on the first field with an error.
  var invalid = document.querySelector('[aria-invalid="true"]');
  if (invalid) invalid.focus();
});
