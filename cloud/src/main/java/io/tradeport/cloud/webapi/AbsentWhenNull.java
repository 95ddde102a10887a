package io.tradeport.cloud.webapi;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import com.fasterxml.jackson.annotation.JacksonAnnotationsInside;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A DTO field left out of the JSON while it is null. The contract declares its enum fields {@code nullable} next to
 * an {@code allOf} reference, which OpenAPI 3.0 does not combine (nullable applies only beside a {@code type}): a
 * null there would not match the schema, an absent field does (none of them is required).
 */
@Target({ ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER })
@Retention(RetentionPolicy.RUNTIME)
@JacksonAnnotationsInside
@JsonInclude(JsonInclude.Include.NON_NULL)
@interface AbsentWhenNull {
}
