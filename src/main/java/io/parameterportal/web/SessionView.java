package io.parameterportal.web;

import io.parameterportal.parameter.Parameter;

/** What a signed-in user sees: their name and the parameter read with their credentials. */
public record SessionView(String name, Parameter parameter) {
}
