// The dashboard's charts and tables, drawn from /staff/dashboard/data with the page's filter.
(function () {
  'use strict';

  var PALETTE = ['#0b5cad', '#d1495b', '#2e7d4f', '#edae49', '#6a4c93', '#00798c', '#8c564b', '#e377c2', '#7f7f7f',
    '#17becf', '#bcbd22'];
  var STAGES = {
    RECEIVE_TO_LOG: 'Receive → log', LOG_TO_ASSIGN: 'Log → assign', ASSIGN_TO_PLAN: 'Assign → plan',
    PLAN_TO_RESOLVED: 'Plan → resolved', RESOLVED_TO_CLOSED: 'Resolved → closed'
  };
  var query = window.location.search;

  function label(id) {
    if (id === 'NONE') {
      return 'Not yet decided';
    }
    var words = String(id).toLowerCase().replace(/_/g, ' ');
    return words.charAt(0).toUpperCase() + words.slice(1);
  }

  function distinct(values) {
    return values.filter(function (value, index) { return values.indexOf(value) === index; });
  }

  function color(index) {
    return PALETTE[index % PALETTE.length];
  }

  function chart(id, config) {
    config.options = Object.assign({ responsive: true, maintainAspectRatio: false, animation: false }, config.options);
    return new Chart(document.getElementById(id), config);
  }

  // One dataset per key, one bar per week, stacked.
  function weeklyStack(id, counts) {
    var weeks = distinct(counts.map(function (count) { return count.week; })).sort();
    var keys = distinct(counts.map(function (count) { return count.key; })).sort();
    chart(id, {
      type: 'bar',
      data: {
        labels: weeks,
        datasets: keys.map(function (key, index) {
          return {
            label: label(key), backgroundColor: color(index),
            data: weeks.map(function (week) {
              var found = counts.find(function (count) { return count.week === week && count.key === key; });
              return found ? found.complaints : 0;
            })
          };
        })
      },
      options: { scales: { x: { stacked: true, title: { display: true, text: 'Week from Monday' } },
        y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } } }
    });
  }

  function percent(value) {
    return value === null || value === undefined ? '–' : value.toFixed(1) + ' %';
  }

  function number(value) {
    return value === null || value === undefined ? '–' : String(value);
  }

  function cell(row, text, link) {
    var td = document.createElement('td');
    if (link) {
      var a = document.createElement('a');
      a.href = link;
      a.textContent = text;
      td.appendChild(a);
    } else {
      td.textContent = text;
    }
    row.appendChild(td);
  }

  function fillTable(id, rows, columns) {
    var body = document.querySelector('#' + id + ' tbody');
    body.textContent = '';
    if (rows.length === 0) {
      var empty = document.createElement('tr');
      var td = document.createElement('td');
      td.colSpan = document.querySelectorAll('#' + id + ' thead th').length;
      td.textContent = 'None in this period.';
      empty.appendChild(td);
      body.appendChild(empty);
      return;
    }
    rows.forEach(function (item) {
      var row = document.createElement('tr');
      columns.forEach(function (column) { column(row, item); });
      body.appendChild(row);
    });
  }

  function time(instant) {
    return instant ? instant.replace('T', ' ').substring(0, 16) + ' UTC' : '–';
  }

  function headline(data) {
    var items = [];
    var departments = data.sla.byDepartment.filter(function (row) {
      return row.department !== 'NONE' && row.responsePercent != null;
    });
    if (departments.length > 0) {
      var worst = departments.slice().sort(function (a, b) { return a.responsePercent - b.responsePercent; })[0];
      items.push('Misses the response deadline most: ' + label(worst.department) + ', ' + percent(worst.responsePercent)
        + ' of its plans in time (' + (worst.responseDecided - worst.responseMet) + ' of ' + worst.responseDecided
        + ' late).');
    }
    var stages = data.stageTimes.filter(function (stage) { return stage.medianHours != null; });
    if (stages.length > 0) {
      var longest = stages.slice().sort(function (a, b) { return b.medianHours - a.medianHours; })[0];
      items.push('Complaints wait longest in ' + STAGES[longest.stage] + ': ' + longest.medianHours
        + ' hours in the median, ' + longest.p90Hours + ' hours for the slowest tenth.');
    }
    var open = data.backlog.reduce(function (sum, row) { return sum + row.complaints; }, 0);
    items.push(data.volume.complaints + (data.volume.complaints === 1 ? ' complaint' : ' complaints')
      + ' received in the period; ' + open + ' open now.');
    var list = document.getElementById('headline');
    list.textContent = '';
    items.forEach(function (text) {
      var li = document.createElement('li');
      li.textContent = text;
      list.appendChild(li);
    });
  }

  function draw(data) {
    headline(data);
    weeklyStack('volume-by-category', data.volume.byCategory);
    weeklyStack('volume-by-channel', data.volume.byChannel);
    chart('hot-topics', {
      type: 'bar',
      data: { labels: data.volume.hotTopics.map(function (topic) { return label(topic.key); }),
        datasets: [{ label: 'Complaints', backgroundColor: color(0),
          data: data.volume.hotTopics.map(function (topic) { return topic.complaints; }) }] },
      options: { indexAxis: 'y', plugins: { legend: { display: false } },
        scales: { x: { beginAtZero: true, ticks: { precision: 0 } } } }
    });

    var departments = data.sla.byDepartment.filter(function (row) { return row.department !== 'NONE'; });
    chart('sla-by-department', {
      type: 'bar',
      data: { labels: departments.map(function (row) { return label(row.department); }),
        datasets: [
          { label: 'Logged in time', backgroundColor: color(2),
            data: departments.map(function (row) { return row.loggingPercent; }) },
          { label: 'Plan in time', backgroundColor: color(0),
            data: departments.map(function (row) { return row.responsePercent; }) }] },
      options: { scales: { y: { min: 0, max: 100, title: { display: true, text: '%' } } } }
    });
    var cells = data.sla.byDepartmentAndWeek.filter(function (row) { return row.department !== 'NONE'; });
    var weeks = distinct(cells.map(function (row) { return row.week; })).sort();
    chart('sla-by-week', {
      type: 'line',
      data: { labels: weeks,
        datasets: distinct(cells.map(function (row) { return row.department; })).sort().map(function (department, index) {
          return { label: label(department), borderColor: color(index), backgroundColor: color(index), spanGaps: true,
            data: weeks.map(function (week) {
              var found = cells.find(function (row) { return row.week === week && row.department === department; });
              return found ? found.responsePercent : null;
            }) };
        }) },
      options: { scales: { y: { min: 0, max: 100, title: { display: true, text: '%' } },
        x: { title: { display: true, text: 'Week from Monday' } } } }
    });
    fillTable('breaches', data.breaches, [
      function (row, breach) {
        cell(row, breach.trackingNumber, '/staff/complaints/' + encodeURIComponent(breach.trackingNumber) + '/audit');
      },
      function (row, breach) { cell(row, breach.deadline === 'LOGGING' ? 'Logging' : 'Response'); },
      function (row, breach) { cell(row, label(breach.department || 'NONE')); },
      function (row, breach) { cell(row, time(breach.dueAt)); },
      function (row, breach) { cell(row, time(breach.recordedAt)); }]);

    chart('stage-times', {
      type: 'bar',
      data: { labels: data.stageTimes.map(function (stage) { return STAGES[stage.stage]; }),
        datasets: [
          { label: 'Median', backgroundColor: color(0),
            data: data.stageTimes.map(function (stage) { return stage.medianHours; }) },
          { label: '90th percentile', backgroundColor: color(1),
            data: data.stageTimes.map(function (stage) { return stage.p90Hours; }) }] },
      options: { scales: { y: { beginAtZero: true, title: { display: true, text: 'hours' } } } }
    });
    var statuses = distinct(data.backlog.map(function (row) { return row.status; }));
    var backlogDepartments = distinct(data.backlog.map(function (row) { return row.department; })).sort();
    chart('backlog', {
      type: 'bar',
      data: { labels: statuses.map(label),
        datasets: backlogDepartments.map(function (department, index) {
          return { label: label(department), backgroundColor: color(index),
            data: statuses.map(function (status) {
              var found = data.backlog.find(function (row) { return row.status === status && row.department === department; });
              return found ? found.complaints : 0;
            }) };
        }) },
      options: { scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } } }
    });

    chart('satisfaction', {
      type: 'bar',
      data: { labels: data.satisfaction.distribution.map(function (mark) { return mark.key; }),
        datasets: [{ label: 'Users', backgroundColor: color(5),
          data: data.satisfaction.distribution.map(function (mark) { return mark.complaints; }) }] },
      options: { plugins: { legend: { display: false } }, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } }
    });
    var rates = document.getElementById('rates');
    rates.textContent = '';
    [['Average mark', number(data.satisfaction.average)],
      ['Reopened', percent(data.satisfaction.reopenPercent) + ' of ' + data.satisfaction.resolved + ' resolved'],
      ['Not reached for feedback', percent(data.satisfaction.noAnswerPercent) + ' of ' + data.satisfaction.feedbackDue]]
      .forEach(function (pair) {
        var dt = document.createElement('dt');
        dt.textContent = pair[0];
        var dd = document.createElement('dd');
        dd.textContent = pair[1];
        rates.appendChild(dt);
        rates.appendChild(dd);
      });

    ['departments', 'handlers'].forEach(function (table) {
      fillTable(table, data[table], [
        function (row, item) { cell(row, table === 'departments' ? label(item.name) : item.name); },
        function (row, item) { cell(row, number(item.complaints)); },
        function (row, item) { cell(row, number(item.handled)); },
        function (row, item) { cell(row, number(item.open)); },
        function (row, item) { cell(row, percent(item.responseWithinSlaPercent)); },
        function (row, item) { cell(row, number(item.medianHoursToPlan)); },
        function (row, item) { cell(row, number(item.averageSatisfaction)); },
        function (row, item) { cell(row, percent(item.reopenPercent)); },
        function (row, item) { cell(row, number(item.improvementsDelivered)); },
        function (row, item) { cell(row, onTime(item.improvementsOnTime, item.improvementsDelivered)); }]);
    });
    improvements(data.improvements);
    document.querySelector('main').setAttribute('data-drawn', 'true');
  }

  // "2 (66.7 %)" of 3 delivered; a dash when none was delivered.
  function onTime(count, delivered) {
    return delivered ? count + ' (' + percent(count * 100 / delivered) + ')' : '–';
  }

  function day(instant) {
    return instant ? instant.substring(0, 10) : '–';
  }

  function perWeek(value) {
    return value === null || value === undefined ? '—' : value.toFixed(2);
  }

  function improvements(figures) {
    fillTable('improvements', figures.byDepartment, [
      function (row, item) { cell(row, label(item.department)); },
      function (row, item) { cell(row, number(item.open)); },
      function (row, item) { cell(row, number(item.overdue)); },
      function (row, item) { cell(row, number(item.delivered)); },
      function (row, item) { cell(row, number(item.declined)); },
      function (row, item) { cell(row, onTime(item.deliveredOnTime, item.delivered)); }]);
    var share = document.getElementById('hot-topic-share');
    share.textContent = '';
    var dt = document.createElement('dt');
    dt.textContent = 'Hot topics that got an action';
    var dd = document.createElement('dd');
    dd.textContent = percent(figures.hotTopics.percent) + ' (' + figures.hotTopics.withAction + ' of '
      + figures.hotTopics.hotTopics + ' detected in the period)';
    share.appendChild(dt);
    share.appendChild(dd);
    fillTable('improvement-actions', figures.actions, [
      function (row, action) { cell(row, action.reference); },
      function (row, action) { cell(row, action.topic); },
      function (row, action) { cell(row, label(action.department)); },
      function (row, action) { cell(row, label(action.status)); },
      function (row, action) { cell(row, day(action.dueAt)); },
      function (row, action) { cell(row, perWeek(action.complaintsPerWeekBefore)); },
      function (row, action) { cell(row, perWeek(action.complaintsPerWeekAfter)); }]);
  }

  function fail(message) {
    var list = document.getElementById('headline');
    list.textContent = '';
    var li = document.createElement('li');
    li.className = 'failed';
    li.textContent = message;
    list.appendChild(li);
  }

  function isoDay(date) {
    return new Date(Date.UTC(date.getFullYear(), date.getMonth(), date.getDate())).toISOString().substring(0, 10);
  }

  document.querySelectorAll('[data-preset]').forEach(function (link) {
    link.addEventListener('click', function (event) {
      event.preventDefault();
      var today = new Date();
      var from = new Date(today);
      var to = new Date(today);
      switch (link.getAttribute('data-preset')) {
        case 'this-month': from = new Date(today.getFullYear(), today.getMonth(), 1); break;
        case 'last-month':
          from = new Date(today.getFullYear(), today.getMonth() - 1, 1);
          to = new Date(today.getFullYear(), today.getMonth(), 0);
          break;
        case 'this-year': from = new Date(today.getFullYear(), 0, 1); break;
        default: from.setDate(today.getDate() - 89);
      }
      document.getElementById('from').value = isoDay(from);
      document.getElementById('to').value = isoDay(to);
      link.closest('form').submit();
    });
  });
  document.querySelectorAll('#exports a').forEach(function (link) { link.href = link.href + query; });

  fetch('/staff/dashboard/data' + query, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
    .then(function (response) {
      return response.json().then(function (body) {
        if (!response.ok) {
          throw new Error(body.detail || 'The figures could not be read (' + response.status + ').');
        }
        return body;
      });
    })
    .then(draw)
    .catch(function (error) { fail(error.message); });
}());
