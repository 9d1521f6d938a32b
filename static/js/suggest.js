// Suggestions as you type for the search box (ARIA 1.2 combobox with a listbox popup) and
// "use my location" for sorting by distance. Without JavaScript the search page shows the
// same completions as links and the position fields as plain inputs.
(function () {
  "use strict";

  function setUpCombobox(wrap) {
    var input = wrap.querySelector("input");
    var url = wrap.getAttribute("data-suggest-url");
    var form = input.form;
    var listId = input.id + "-suggestions";
    var list = document.createElement("ul");
    var status = document.createElement("p");
    var options = [];
    var active = -1;
    var timer = null;
    var requestNumber = 0;

    list.id = listId;
    list.className = "suggest-list";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", wrap.getAttribute("data-suggest-label"));
    list.hidden = true;
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    wrap.appendChild(list);
    wrap.appendChild(status);

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listId);

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function highlight(index) {
      options.forEach(function (option, i) {
        option.setAttribute("aria-selected", i === index ? "true" : "false");
      });
      active = index;
      if (index >= 0) {
        input.setAttribute("aria-activedescendant", options[index].id);
        options[index].scrollIntoView({ block: "nearest" });
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    function choose(index) {
      input.value = options[index].textContent;
      close();
      form.submit();
    }

    function show(items) {
      list.textContent = "";
      options = items.map(function (text, i) {
        var option = document.createElement("li");
        option.id = listId + "-" + i;
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        option.setAttribute("dir", "auto");
        option.textContent = text;
        // mousedown, not click: the input must not lose focus first.
        option.addEventListener("mousedown", function (event) {
          event.preventDefault();
          choose(i);
        });
        list.appendChild(option);
        return option;
      });
      active = -1;
      if (options.length) {
        list.hidden = false;
        input.setAttribute("aria-expanded", "true");
      } else {
        close();
      }
      status.textContent = options.length
        ? wrap.getAttribute("data-suggest-count").replace("%(count)s", options.length)
        : "";
    }

    function fetchSuggestions() {
      var value = input.value.trim();
      var number = ++requestNumber;
      if (value.length < 2) {
        show([]);
        return;
      }
      fetch(url + "?q=" + encodeURIComponent(value), { headers: { Accept: "application/json" } })
        .then(function (response) {
          return response.ok ? response.json() : { suggestions: [] };
        })
        .then(function (data) {
          // Answers can arrive out of order: only the latest one counts.
          if (number === requestNumber) show(data.suggestions || []);
        })
        .catch(function () {
          show([]);
        });
    }

    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(fetchSuggestions, 150);
    });

    input.addEventListener("keydown", function (event) {
      var open = !list.hidden && options.length > 0;
      if (event.key === "ArrowDown") {
        event.preventDefault();
        if (!open) {
          fetchSuggestions();
          return;
        }
        highlight(active + 1 >= options.length ? 0 : active + 1);
      } else if (event.key === "ArrowUp") {
        if (!open) return;
        event.preventDefault();
        highlight(active <= 0 ? options.length - 1 : active - 1);
      } else if (event.key === "Enter") {
        if (open && active >= 0) {
          event.preventDefault();
          choose(active);
        }
      } else if (event.key === "Escape") {
        if (open) {
          event.preventDefault();
          close();
        } else {
          input.value = "";
        }
      } else if (event.key === "Tab") {
        close();
      }
    });

    input.addEventListener("blur", function () {
      setTimeout(close, 100);
    });
  }

  function setUpGeolocation(form) {
    var button = form.querySelector("[data-geolocate-button]");
    if (!button || !("geolocation" in navigator)) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      navigator.geolocation.getCurrentPosition(function (position) {
        // Three decimals (about 100 m) are enough to sort by distance.
        ["lat", "lon"].forEach(function (name) {
          var input = form.querySelector("[name=" + name + "]");
          var value = name === "lat" ? position.coords.latitude : position.coords.longitude;
          input.disabled = false;
          input.value = value.toFixed(3);
        });
        // A postcode or district typed before would win over the position.
        var near = form.querySelector("[name=near]");
        if (near) near.value = "";
        form.submit();
      });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-suggest-url]").forEach(setUpCombobox);
    document.querySelectorAll("[data-geolocate]").forEach(setUpGeolocation);
  });
})();
