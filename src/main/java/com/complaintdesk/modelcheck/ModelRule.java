package com.complaintdesk.modelcheck;

import java.util.List;

/** One kind of check of the models. */
interface ModelRule {

  List<Problem> check(Models models);
}
